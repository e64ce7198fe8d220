namespace HelplineDashboard.Features.Presence;

/// <summary>Whether a counsellor can answer: Available, Busy with a case, on Break, or Offline.</summary>
public enum PresenceStatus
{
    Available,
    Busy,
    Break,
    Offline,
}

/// <summary>One person's presence as the wallboard shows it.</summary>
public sealed record PresenceView(string UserId, string Name, IReadOnlySet<string> Lines, PresenceStatus Status, DateTime Since)
{
    /// <summary>The languages they counsel in (empty when not set, or not known because no browser of theirs opened yet).</summary>
    public IReadOnlySet<string> Languages { get; init; } = new HashSet<string>();

    /// <summary>On the line: Available or Busy. Who is online for language coverage.</summary>
    public bool IsOnline => Status is PresenceStatus.Available or PresenceStatus.Busy;
}

/// <summary>Someone's presence changed (by their choice, a claim, a closed case, or their browser going away).</summary>
public sealed record PresenceChanged(string UserId, PresenceStatus Status);
