namespace HelplineDashboard.Features.Escalations;

/// <summary>
/// The outbox row: written in the same transaction as its escalation, worked by <see cref="EscalationDispatcher"/>
/// until the target accepts it, refuses it for good, or a counsellor phones instead.
/// </summary>
public sealed class EscalationDelivery
{
    public long Id { get; set; }

    public Guid EscalationId { get; set; }

    public Escalation? Escalation { get; set; }

    public DeliveryState State { get; set; } = DeliveryState.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? LastError { get; set; }
}

public enum DeliveryState
{
    Pending,
    Delivered,
    Failed,
    Cancelled,
}
