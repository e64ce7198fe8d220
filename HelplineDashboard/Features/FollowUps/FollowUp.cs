namespace HelplineDashboard.Features.FollowUps;

/// <summary>A callback the case owner schedules, inside the caller's safe times.</summary>
public sealed class FollowUp
{
    public const int MaxNoteLength = 1000;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string Line { get; set; }

    /// <summary>Who calls back: the case owner when it was scheduled; moves with the case on a transfer.</summary>
    public required string OwnerId { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>What to follow up on. Encrypted at rest.</summary>
    public string? Note { get; set; }

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Scheduled;

    public DateTime CreatedAt { get; set; }

    /// <summary>When the due notice went out; set once by <see cref="FollowUpDueMonitor"/>.</summary>
    public DateTime? DueNotifiedAt { get; set; }

    public DateTime? DoneAt { get; set; }
}

public enum FollowUpStatus
{
    Scheduled,
    Done,
}
