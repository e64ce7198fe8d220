using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Lines;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace HelplineDashboard.Features.FollowUps;

/// <summary>Each follow-up on the timeline: when it was scheduled (for when, in the line's time) and when it was done.</summary>
public sealed class FollowUpTimelineSource(LineCatalog lines) : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken)
    {
        var line = lines.Get(@case.Line);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.CaseId == @case.Id).ToListAsync(cancellationToken);
        return followUps.SelectMany(f => Entries(f, line));
    }

    private static IEnumerable<TimelineEntry> Entries(FollowUp f, Line line)
    {
        yield return new TimelineEntry(f.CreatedAt, "follow-up", Icons.Material.Filled.Alarm, "Callback scheduled for {0}",
            [line.ToLocal(f.DueAt).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)], f.Note);
        if (f.DoneAt is { } doneAt)
        {
            yield return new TimelineEntry(doneAt, "follow-up", Icons.Material.Filled.AlarmOn, "Callback done", []);
        }
    }
}
