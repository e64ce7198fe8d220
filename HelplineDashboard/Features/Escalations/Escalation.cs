namespace HelplineDashboard.Features.Escalations;

/// <summary>A request to an emergency or statutory service on behalf of a case. See docs/decisions/0004-escalation-outbox.md.</summary>
public sealed class Escalation
{
    /// <summary>Stable id: sent as <c>webhook-id</c> on every delivery attempt, so the receiver de-duplicates on it.</summary>
    public Guid Id { get; set; }

    public long CaseId { get; set; }

    public required string Line { get; set; }

    /// <summary>The target's code within its line, e.g. <c>police</c>.</summary>
    public required string Target { get; set; }

    public required string TargetName { get; set; }

    /// <summary>The service's phone number, e.g. 102: what a counsellor dials when delivery fails.</summary>
    public required string TargetPhone { get; set; }

    public required string Region { get; set; }

    public required string Address { get; set; }

    public string? Landmarks { get; set; }

    public EscalationUrgency Urgency { get; set; }

    public int PeopleAtRisk { get; set; } = 1;

    public bool ChildrenPresent { get; set; }

    public bool WeaponsMentioned { get; set; }

    public required string Summary { get; set; }

    public EscalationStatus Status { get; set; } = EscalationStatus.Requested;

    public DateTime RequestedAt { get; set; }

    public required string RequestedById { get; set; }

    public required string RequestedByName { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? StatusChangedAt { get; set; }

    /// <summary>When the app raised the alarm: not sent in time, failed, or no endpoint.</summary>
    public DateTime? AlarmRaisedAt { get; set; }

    /// <summary>Set when a counsellor phoned the service by hand; closes the alarm.</summary>
    public DateTime? PhonedManuallyAt { get; set; }

    public string? PhonedManuallyById { get; set; }

    public string? PhonedManuallyByName { get; set; }

    /// <summary>The service operator's name or reference number, as told on the phone.</summary>
    public string? OperatorReference { get; set; }

    public List<EscalationEvent> Events { get; set; } = [];
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

/// <summary>Forward-only: Requested, Sent, Acknowledged, Dispatched, Resolved; or Failed.</summary>
public enum EscalationStatus
{
    Requested = 0,
    Sent = 1,
    Acknowledged = 2,
    Dispatched = 3,
    Resolved = 4,
    Failed = 9,
}
