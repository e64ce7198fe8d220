using HelplineDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>What retention removes from the safety plans and screenings of anonymised cases; the levels and flags stay for statistics.</summary>
public static class CaseWorkRetention
{
    public static async Task AnonymiseAsync(HelplineDbContext db, IReadOnlyCollection<long> caseIds, string removed, CancellationToken cancellationToken)
    {
        foreach (var plan in await db.SafetyPlans.Where(p => caseIds.Contains(p.CaseId)).ToListAsync(cancellationToken))
        {
            plan.SafeCallbackNumber = plan.SafeCallbackNumber is null ? null : removed;
            plan.SafeTimesNote = plan.SafeTimesNote is null ? null : removed;
            plan.CodeWord = plan.CodeWord is null ? null : removed;
        }

        foreach (var screening in await db.RiskScreenings.Where(s => caseIds.Contains(s.CaseId) && s.OverrideReason != null).ToListAsync(cancellationToken))
        {
            screening.OverrideReason = removed;
        }

        // What was written about the caller on transfers and follow-ups goes with the rest.
        foreach (var transfer in await db.CaseTransfers.Where(t => caseIds.Contains(t.CaseId)).ToListAsync(cancellationToken))
        {
            transfer.Note = removed;
        }

        foreach (var followUp in await db.FollowUps.Where(f => caseIds.Contains(f.CaseId) && f.Note != null).ToListAsync(cancellationToken))
        {
            followUp.Note = removed;
        }
    }
}
