using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using MudBlazor;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

public sealed class ContactTimelineSource : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken) =>
        (await db.Contacts.AsNoTracking().Where(c => c.CaseId == @case.Id).ToListAsync(cancellationToken))
        .Select(c => new TimelineEntry(c.ArrivedAt, "contact", Icon(c.Channel), "Contact by {0}", [ContactChannelLabels.Label(c.Channel)], c.Message, c.ClaimedByName));

    private static string Icon(ContactChannel channel) => channel switch
    {
        ContactChannel.Sms => Icons.Material.Filled.Sms,
        ContactChannel.Chat => Icons.Material.Filled.Chat,
        _ => Icons.Material.Filled.Phone,
    };
}

public sealed class NoteTimelineSource : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken) =>
        (await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == @case.Id).ToListAsync(cancellationToken))
        .Select(n => n.AmendsNoteId is null
            ? new TimelineEntry(n.CreatedAt, "note", Icons.Material.Filled.Notes, "Note", [], n.Text, n.AuthorName)
            : new TimelineEntry(n.CreatedAt, "note", Icons.Material.Filled.EditNote, "Correction to an earlier note", [], n.Text, n.AuthorName));
}

public sealed class ScreeningTimelineSource : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken) =>
        (await db.RiskScreenings.AsNoTracking().Where(s => s.CaseId == @case.Id).ToListAsync(cancellationToken))
        .Select(s => new TimelineEntry(s.AssessedAt, "risk", Icons.Material.Filled.Shield,
            s.OverrideReason is null ? "Risk screened" : "Risk screened, level overridden", [], s.OverrideReason, s.AssessedByName, s.Risk));
}

public sealed class EscalationTimelineSource : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken) =>
        (await db.Escalations.AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(cancellationToken))
        .Select(e => new TimelineEntry(e.RequestedAt, "escalation", Icons.Material.Filled.LocalPolice, "Escalation to {0} ({1})",
            [e.TargetName, e.Status.ToString()], e.Summary, e.RequestedByName));
}

public sealed class SafetyTimelineSource : ICaseTimelineSource
{
    public async Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken) =>
        (await db.SafetyPlans.AsNoTracking().Where(p => p.CaseId == @case.Id).ToListAsync(cancellationToken))
        .Select(p => new TimelineEntry(p.RecordedAt, "safety", Icons.Material.Filled.HealthAndSafety, "Safety plan changed", [], null, p.RecordedByName));
}
