using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace HelplineDashboard.Features.Referrals;

/// <summary>Each referral on the timeline, when it was first recorded, with where it stands now.</summary>
public sealed class ReferralTimelineSource : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken) =>
        (await db.Referrals.AsNoTracking().Where(r => r.CaseId == @case.Id).ToListAsync(cancellationToken))
        .Select(r => new TimelineEntry(r.CreatedAt, "referral", Icons.Material.Filled.Diversity3, "Referral to {0} ({1})",
            [r.ServiceName, ReferralLabels.Status(r.Status)], null, r.ReferredByName));
}
