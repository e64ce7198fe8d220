using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Presence;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>
/// Everything the wallboard shows, computed once for all open pages and screens. No survivor data.
/// <see cref="ComputeMilliseconds"/> is how long the computation took (the benchmark and operators watch it).
/// </summary>
public sealed record WallboardSnapshot(DateTime ComputedAt, IReadOnlyList<LineBoard> Lines, IReadOnlyList<CounsellorBoard> Counsellors, double ComputeMilliseconds = 0)
{
    public static readonly WallboardSnapshot Empty = new(DateTime.MinValue, [], []);

    /// <summary>Only the lines the viewer serves; counsellors who work at least one of them.</summary>
    public WallboardSnapshot For(IReadOnlySet<string> lines) => this with
    {
        Lines = Lines.Where(l => lines.Contains(l.Line)).ToList(),
        Counsellors = Counsellors.Where(c => c.Lines.Any(lines.Contains)).ToList(),
    };
}

/// <summary>One line's wallboard: totals, per channel, what is waiting, and escalations today.</summary>
public sealed record LineBoard(
    string Line,
    string Name,
    LineThresholds Thresholds,
    DateTime TodayStartsAt,
    QueueFigures Queue,
    PeriodFigures Today,
    PeriodFigures LastHour,
    IReadOnlyList<ChannelBoard> Channels,
    IReadOnlyList<EscalationCount> EscalationsToday,
    IReadOnlyList<int> ContactsPerHourToday,
    IReadOnlyList<int> ContactsPerHourSameDayLastWeek)
{
    /// <summary>
    /// Waiting contacts no one online (Available or Busy) on the line speaks the language of, per language (code, as
    /// the intake gives it), most first. Issue 8: the supervisor sees them flagged.
    /// </summary>
    public IReadOnlyList<UncoveredLanguage> Uncovered { get; init; } = [];
}

/// <summary><paramref name="Waiting"/> contacts wait in <paramref name="Language"/>, which no one online on the line speaks.</summary>
public sealed record UncoveredLanguage(string Language, int Waiting);

public sealed record ChannelBoard(ContactChannel Channel, QueueFigures Queue, PeriodFigures Today, PeriodFigures LastHour);

/// <summary>Waiting now. The longest wait is <c>now - OldestWaitingSince</c>, so screens tick it without a recompute.</summary>
public sealed record QueueFigures(int Waiting, DateTime? OldestWaitingSince, int HighRiskWaiting, int UrgentWaiting)
{
    public TimeSpan? LongestWait(DateTime nowUtc) => OldestWaitingSince is { } since ? nowUtc - since : null;
}

/// <summary>Escalations requested today on the line in one status. Failed ones sort first.</summary>
public sealed record EscalationCount(EscalationStatus Status, int Count);

/// <summary>A counsellor on the wallboard: presence, since when, open cases and the current case's risk.</summary>
public sealed record CounsellorBoard(
    string UserId,
    string Name,
    IReadOnlySet<string> Lines,
    PresenceStatus Status,
    DateTime Since,
    int OpenCases,
    long? CurrentCaseId,
    RiskLevel? CurrentCaseRisk);
