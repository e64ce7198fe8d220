namespace HelplineDashboard.Features.Escalations;

/// <summary>A request to an emergency or statutory service on behalf of a case.</summary>
public sealed class Escalation
{
    /// <summary>Stable id: the receiver de-duplicates on it.</summary>
    public Guid Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The service asked, e.g. <c>police</c>.</summary>
    public required string Target { get; set; }

    /// <summary>The service's phone number, e.g. 102.</summary>
    public required string TargetPhone { get; set; }

    public required string Region { get; set; }

    public required string Address { get; set; }

    public string? Landmarks { get; set; }

    public EscalationUrgency Urgency { get; set; }

    public required string Reason { get; set; }

    public EscalationStatus Status { get; set; } = EscalationStatus.Requested;

    public DateTime RequestedAt { get; set; }

    public required string RequestedById { get; set; }

    public required string RequestedByName { get; set; }
}

public enum EscalationUrgency
{
    /// <summary>Life in danger now.</summary>
    Immediate,

    /// <summary>Needs a response within the hour.</summary>
    Urgent,

    /// <summary>A report for follow-up by the service.</summary>
    Routine,
}

public enum EscalationStatus
{
    Requested,
    Sent,
    Acknowledged,
    Dispatched,
    Resolved,
    Failed,
}
