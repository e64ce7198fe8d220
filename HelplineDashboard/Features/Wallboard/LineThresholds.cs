namespace HelplineDashboard.Features.Wallboard;

/// <summary>A line's wallboard thresholds. Defaults come from configuration; an administrator's change is stored.</summary>
public sealed record LineThresholds(int ServiceLevelSeconds, int TargetPercent, int ShortAbandonSeconds, int LongestWaitAlarmSeconds)
{
    public static readonly LineThresholds Default = new(20, 80, 5, 60);

    public TimeSpan ServiceLevel => TimeSpan.FromSeconds(ServiceLevelSeconds);

    public TimeSpan ShortAbandon => TimeSpan.FromSeconds(ShortAbandonSeconds);

    public TimeSpan LongestWaitAlarm => TimeSpan.FromSeconds(LongestWaitAlarmSeconds);

    /// <summary>Service level below the target percentage (no figure yet is not below).</summary>
    public bool ServiceLevelBreached(double? serviceLevel) => serviceLevel is { } level && level * 100 < TargetPercent;

    /// <summary>The oldest waiting contact has waited as long as the alarm, or longer.</summary>
    public bool LongestWaitBreached(TimeSpan? longestWait) => longestWait is { } wait && wait >= LongestWaitAlarm;
}

/// <summary>An administrator's stored thresholds for one line; overrides configuration.</summary>
public sealed class LineThresholdSetting
{
    public required string Line { get; set; }

    public int ServiceLevelSeconds { get; set; }

    public int TargetPercent { get; set; }

    public int ShortAbandonSeconds { get; set; }

    public int LongestWaitAlarmSeconds { get; set; }

    public DateTime ChangedAt { get; set; }

    public required string ChangedByName { get; set; }

    public LineThresholds ToThresholds() => new(ServiceLevelSeconds, TargetPercent, ShortAbandonSeconds, LongestWaitAlarmSeconds);
}
