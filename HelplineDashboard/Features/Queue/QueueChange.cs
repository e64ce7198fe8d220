using HelplineDashboard.Features.Cases;

namespace HelplineDashboard.Features.Queue;

/// <summary>Something that changed the live queue. Published in-process and relayed to hub clients.</summary>
public abstract record QueueChange(long ContactId, string Line);

public sealed record ContactQueued(QueuedContact Contact) : QueueChange(Contact.Id, Contact.Line);

public sealed record ContactClaimed(long ContactId, string Line, string ClaimedByName, DateTime ClaimedAt)
    : QueueChange(ContactId, Line);

public sealed record ContactAbandoned(long ContactId, string Line, DateTime AbandonedAt)
    : QueueChange(ContactId, Line);

/// <summary>A claimed contact given back to the queue; it keeps its arrival time and so its place.</summary>
public sealed record ContactReleased(QueuedContact Contact) : QueueChange(Contact.Id, Contact.Line);

/// <summary>
/// A waiting contact's risk went up because a screening raised its caller's risk (same caller, same line): it moves up
/// the queue while still waiting.
/// </summary>
public sealed record ContactRiskChanged(long ContactId, string Line, RiskLevel Risk) : QueueChange(ContactId, Line);
