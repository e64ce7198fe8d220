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
public sealed record PresenceView(string UserId, string Name, IReadOnlySet<string> Lines, PresenceStatus Status, DateTime Since);

/// <summary>Someone's presence changed (by their choice, a claim, a closed case, or their browser going away).</summary>
public sealed record PresenceChanged(string UserId, PresenceStatus Status);
