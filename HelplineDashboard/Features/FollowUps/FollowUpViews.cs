using HelplineDashboard.Common;

namespace HelplineDashboard.Features.FollowUps;

/// <summary>A follow-up as its owner, the case page or a supervisor sees it.</summary>
public sealed record FollowUpView(
    long Id,
    long CaseId,
    string Line,
    string OwnerId,
    DateTime DueAt,
    string? Note,
    FollowUpStatus Status,
    DateTime CreatedAt,
    DateTime? DoneAt,
    bool Due)
{
    public static FollowUpView From(FollowUp followUp, DateTime now) => new(
        followUp.Id,
        followUp.CaseId,
        followUp.Line,
        followUp.OwnerId,
        followUp.DueAt,
        followUp.Note,
        followUp.Status,
        followUp.CreatedAt,
        followUp.DoneAt,
        followUp.Status == FollowUpStatus.Scheduled && followUp.DueAt <= now);
}

/// <summary>A follow-up was scheduled, fell due or was done.</summary>
public sealed record FollowUpChanged(long FollowUpId, long CaseId, string Line, string OwnerId, FollowUpEvent Event, DateTime DueAt);

public enum FollowUpEvent
{
    Scheduled,
    Due,
    Done,
}

/// <summary>Publishes follow-ups as they are scheduled, fall due and are done.</summary>
public sealed class FollowUpNotifier(ILogger<FollowUpNotifier> logger) : Notifier<FollowUpChanged>(logger);
