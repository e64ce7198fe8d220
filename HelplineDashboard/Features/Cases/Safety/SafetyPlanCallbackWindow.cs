using HelplineDashboard.Data;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Lines;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>
/// Follow-ups ask the case's safety plan before a callback is scheduled: "do not call back" refuses every time, and a
/// safe window (in the line's time zone) refuses any time outside it. No plan recorded: any time is allowed.
/// </summary>
public sealed class SafetyPlanCallbackWindow(IDbContextFactory<HelplineDbContext> dbFactory, LineCatalog lines) : ICallbackWindow
{
    public async Task<CallbackCheck> CheckAsync(long caseId, DateTime dueUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await SafetyPlanService.CurrentAsync(db, caseId, cancellationToken);
        if (plan is null)
        {
            return CallbackCheck.Allow;
        }

        if (plan.DoNotCallBack)
        {
            return CallbackCheck.Refuse("The caller asked not to be called back.");
        }

        var line = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Line).SingleAsync(cancellationToken);
        return plan.AllowsCallbackAt(dueUtc, lines.Get(line).TimeZone)
            ? CallbackCheck.Allow
            : CallbackCheck.Refuse("This time is outside the caller's safe times.");
    }
}
