using HelplineDashboard.Data;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>Each transfer on the timeline: when it was asked for, and when it was answered or withdrawn.</summary>
public sealed class TransferTimelineSource : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken) =>
        (await db.CaseTransfers.AsNoTracking().Where(t => t.CaseId == @case.Id).ToListAsync(cancellationToken))
        .SelectMany(Entries);

    private static IEnumerable<TimelineEntry> Entries(CaseTransfer t)
    {
        yield return t.ToName is { } name
            ? new TimelineEntry(t.RequestedAt, "transfer", Icons.Material.Filled.SwapHoriz, "Transfer to {0} requested", [name], t.Note, t.FromName)
            : new TimelineEntry(t.RequestedAt, "transfer", Icons.Material.Filled.SwapHoriz, "Transfer to any {0} requested", [t.ToSpecialism ?? ""], t.Note, t.FromName);
        if (t.RespondedAt is { } answeredAt && t.Status != TransferStatus.Pending)
        {
            yield return new TimelineEntry(answeredAt, "transfer", Icons.Material.Filled.SwapHoriz, "Transfer {0}", [TransferLabels.Status(t.Status)], null, t.RespondedByName);
        }
    }
}
