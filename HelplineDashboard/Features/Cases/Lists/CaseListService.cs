using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases.Lists;

/// <summary>
/// "My cases" and "All cases": a counsellor lists only their own cases; a supervisor may list every case of the lines
/// they supervise. The rows show masked callers only.
/// </summary>
public sealed class CaseListService(IDbContextFactory<HelplineDbContext> dbFactory)
{
    public const int MaxRows = 500;

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CaseScope scope, CaseFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.WorksQueue || (scope == CaseScope.AllOfMyLines && !actor.IsSupervisor))
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = actor.Lines.ToList();
        var cases = scope == CaseScope.Mine
            ? db.Cases.AsNoTracking().Where(c => c.OwnerId == actor.UserId)
            : db.Cases.AsNoTracking().Where(c => lines.Contains(c.Line));

        if (filter.CaseNumber is { } number)
        {
            cases = cases.Where(c => c.Id == number);
        }

        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (filter.Risk is { } risk)
        {
            cases = cases.Where(c => c.Risk == risk);
        }

        if (!string.IsNullOrEmpty(filter.Line))
        {
            cases = cases.Where(c => c.Line == filter.Line);
        }

        if (!string.IsNullOrEmpty(filter.Region))
        {
            cases = cases.Where(c => c.Contacts.OrderBy(x => x.ArrivedAt).Select(x => x.Region).FirstOrDefault() == filter.Region);
        }

        if (filter.OpenedFrom is { } from)
        {
            cases = cases.Where(c => c.OpenedAt >= from);
        }

        if (filter.OpenedTo is { } to)
        {
            cases = cases.Where(c => c.OpenedAt < to);
        }

        if (filter.CategoryIds.Count > 0)
        {
            var ids = filter.CategoryIds.ToList();
            cases = cases.Where(c => db.CaseCategories.Any(k => k.CaseId == c.Id && ids.Contains(k.CategoryId)));
        }

        var rows = await cases
            .OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id)
            .Take(MaxRows)
            .Select(c => new
            {
                c.Id, c.Line, c.Status, c.Risk, c.OpenedAt, c.OwnerName,
                First = c.Contacts.OrderBy(x => x.ArrivedAt).Select(x => new { x.Channel, x.From, x.Region }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var categories = await CategoryService.ForCasesAsync(db, rows.Select(c => c.Id).ToList(), cancellationToken);
        return rows
            .Where(c => c.First is not null)
            .Select(c => new CaseSummary(c.Id, c.Line, c.Status, c.Risk, c.OpenedAt, c.First!.Channel, CallerNumbers.Mask(c.First.From, c.First.Channel))
            {
                OwnerName = c.OwnerName,
                Region = c.First.Region,
                Categories = categories[c.Id].ToList(),
            })
            .ToList();
    }
}
