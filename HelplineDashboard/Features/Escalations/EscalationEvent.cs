namespace HelplineDashboard.Features.Escalations;

/// <summary>One step in an escalation's life, kept for the case timeline and the audit.</summary>
public sealed class EscalationEvent
{
    public long Id { get; set; }

    public Guid EscalationId { get; set; }

    public DateTime At { get; set; }

    public EscalationStatus Status { get; set; }

    /// <summary>What happened, in plain words: "delivered", "target acknowledged", "phoned manually (ref 55)".</summary>
    public required string Detail { get; set; }
}
