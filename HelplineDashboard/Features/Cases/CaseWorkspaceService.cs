using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Categories;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>Everything about a case beyond <see cref="CaseDetails"/>: safety first, risk, repeat caller, categories, timeline.</summary>
public sealed record CaseWorkView(
    SafetyPlanDetails? Safety,
    RiskScreeningView? LatestScreening,
    RepeatCaller? RepeatCaller,
    IReadOnlyList<CategoryView> Categories,
    IReadOnlyList<CategoryView> OfferedCategories,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// Reads the case work around a case for those who may read the case (its owner, supervisors of its line).
/// The case page opens the case through <see cref="CaseService.GetAsync"/>, which audits the view.
/// </summary>
public sealed class CaseWorkspaceService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    IEnumerable<ICaseTimelineSource> timelineSources)
{
    public async Task<CaseWorkView> GetAsync(long caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForReadAsync(db, caseId, actor, cancellationToken);

        var safety = await SafetyPlanService.CurrentAsync(db, caseId, cancellationToken);
        var screening = await db.RiskScreenings.AsNoTracking()
            .Where(s => s.CaseId == caseId)
            .OrderByDescending(s => s.AssessedAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var (chosen, offered) = await CategoryService.ForCaseAsync(db, caseId, cancellationToken);
        return new CaseWorkView(
            safety is null ? null : SafetyPlanDetails.From(safety),
            screening is null ? null : RiskScreeningView.From(screening),
            await CallerHistory.ForCaseAsync(db, found, cancellationToken),
            chosen,
            offered,
            await TimelineAsync(db, found, cancellationToken));
    }

    /// <summary>Every source's entries, in time order (oldest first, as the case happened).</summary>
    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(HelplineDbContext db, Case found, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        foreach (var source in timelineSources)
        {
            entries.AddRange(await source.EntriesAsync(db, found, cancellationToken));
        }

        return entries.OrderBy(e => e.At).ToList();
    }
}
