namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>
/// A request to hand a case to a named colleague or to whoever on the line has a specialism. Until someone accepts,
/// the case stays with the sender. See docs/decisions/0006-case-transfers.md.
/// </summary>
public sealed class CaseTransfer
{
    public const int MaxNoteLength = 2000;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string Line { get; set; }

    public required string FromUserId { get; set; }

    public required string FromName { get; set; }

    /// <summary>The colleague asked, for a transfer to a person; null for a transfer to a specialism.</summary>
    public string? ToUserId { get; set; }

    public string? ToName { get; set; }

    /// <summary>The specialism asked for (<see cref="Accounts.Specialisms"/>), for a transfer to a role.</summary>
    public string? ToSpecialism { get; set; }

    /// <summary>What the sender tells the receiver about the case. Encrypted at rest.</summary>
    public required string Note { get; set; }

    public TransferStatus Status { get; set; } = TransferStatus.Pending;

    public DateTime RequestedAt { get; set; }

    public DateTime? RespondedAt { get; set; }

    public string? RespondedById { get; set; }

    public string? RespondedByName { get; set; }
}

public enum TransferStatus
{
    Pending,
    Accepted,
    Declined,
    Cancelled,
}
