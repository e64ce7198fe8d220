using HelplineDashboard.Data;

namespace HelplineDashboard.Features.Cases;

/// <summary>
/// One line of a case's timeline. <paramref name="Title"/> is a localisation key with <paramref name="Arguments"/>;
/// <paramref name="Detail"/> is what was said or written (survivor data: only for those who may read the case).
/// </summary>
public sealed record TimelineEntry(
    DateTime At,
    string Kind,
    string Icon,
    string Title,
    IReadOnlyList<object> Arguments,
    string? Detail = null,
    string? By = null,
    RiskLevel? Risk = null);

/// <summary>
/// Gives the timeline entries of one kind of case record. To put a new kind on the timeline (referrals, transfers,
/// follow-ups), write a source and register it with <c>services.AddCaseTimelineSource&lt;T&gt;()</c>.
/// The caller has already checked that the actor may read the case.
/// </summary>
public interface ICaseTimelineSource
{
    Task<IEnumerable<TimelineEntry>> EntriesAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken);
}
