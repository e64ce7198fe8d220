namespace HelplineDashboard.Features.Wallboard;

/// <summary><c>Wallboard</c> settings: default thresholds per line (<c>Wallboard:Lines:111:ServiceLevelSeconds</c>, ...).</summary>
public sealed class WallboardOptions
{
    public const string SectionName = "Wallboard";

    public Dictionary<string, ThresholdOptions> Lines { get; set; } = [];

    /// <summary>
    /// How often the one metrics service recomputes even without events, so "last hour" slides and a new local day
    /// starts on time. Events (contacts, claims, escalations, presence) recompute at once.
    /// </summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>
    /// The least time between two computations. Events during a computation, or within this time after it, fold into
    /// one more: a burst of hundreds of contacts a second costs a few computations a second, not one per contact,
    /// and every screen still sees an event well within a second.
    /// </summary>
    public int MinIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// The most of one core the computations may take: after one that took <c>t</c>, the next waits at least
    /// <c>t × (1 / share − 1)</c>. A computation reads every contact of the day, so on an ordinary day (milliseconds)
    /// this changes nothing, and on a day of tens of thousands of contacts the board refreshes a little less often
    /// instead of taking the cores that answer gateways and claims.
    /// </summary>
    public double MaxShareOfOneCore { get; set; } = 0.25;

    /// <summary>
    /// The rest after a computation that cost <paramref name="computation"/> so that computing takes at most
    /// <see cref="MaxShareOfOneCore"/>; the service rests the longer of this and what remains of the least interval.
    /// </summary>
    public TimeSpan RestAfterCost(TimeSpan computation) => computation * ((1 / Math.Clamp(MaxShareOfOneCore, 0.01, 1)) - 1);

    public LineThresholds For(string line) =>
        Lines.TryGetValue(line, out var configured) ? configured.ToThresholds() : LineThresholds.Default;
}

public sealed class ThresholdOptions
{
    public int ServiceLevelSeconds { get; set; } = LineThresholds.Default.ServiceLevelSeconds;

    public int TargetPercent { get; set; } = LineThresholds.Default.TargetPercent;

    public int ShortAbandonSeconds { get; set; } = LineThresholds.Default.ShortAbandonSeconds;

    public int LongestWaitAlarmSeconds { get; set; } = LineThresholds.Default.LongestWaitAlarmSeconds;

    public LineThresholds ToThresholds() => new(ServiceLevelSeconds, TargetPercent, ShortAbandonSeconds, LongestWaitAlarmSeconds);
}
