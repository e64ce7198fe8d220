using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Audit;

/// <summary>
/// Writes audit entries that stand alone, with no record of their own to land with (sign-ins, sign-outs, a report
/// export), and searches the log for those allowed to read it. A line about a record is written in the record's own
/// transaction instead (<see cref="AuditTrail"/>; docs/decisions/0025-record-and-audit-line-together.md).
/// </summary>
public sealed class AuditLog(IDbContextFactory<HelplineDbContext> dbFactory, TimeProvider time)
{
    public const int PageSize = 200;

    public async Task WriteAsync(AuditAction action, string actorId, string actorName, string? address, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Action = action,
            ActorId = actorId,
            ActorName = actorName,
            Address = address,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Administrators search everything; supervisors search the entries of their lines and their own. Newest first,
    /// at most <see cref="PageSize"/> rows.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, Actor actor, CancellationToken cancellationToken = default)
    {
        var isAdmin = actor.Roles.Contains(Roles.Admin);
        if (!isAdmin && !actor.IsSupervisor)
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!isAdmin)
        {
            var lines = actor.Lines.ToList();
            entries = entries.Where(e => (e.Line != null && lines.Contains(e.Line)) || e.ActorId == actor.UserId);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.Who))
        {
            var who = query.Who.Trim();
            entries = entries.Where(e => e.ActorName.Contains(who) || e.ActorId == who);
        }

        if (!string.IsNullOrWhiteSpace(query.Subject))
        {
            var subject = query.Subject.Trim();
            entries = entries.Where(e => e.Subject == subject);
        }

        if (query.FromUtc is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.ToUtc is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return await entries.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}

public sealed record AuditQuery(AuditAction? Action = null, string? Who = null, string? Subject = null, DateTime? FromUtc = null, DateTime? ToUtc = null);
