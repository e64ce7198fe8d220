using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;

namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>What a person may do with a transfer, free of storage so the states can be tested on their own.</summary>
public static class TransferRules
{
    /// <summary>
    /// The state a transfer moves to when someone answers it. Only a pending transfer moves; accepted, declined and
    /// cancelled are final, so an answer that comes second is refused rather than undoing the first.
    /// </summary>
    public static TransferStatus Next(TransferStatus current, TransferAnswer answer)
    {
        if (current != TransferStatus.Pending)
        {
            throw new HelplineRuleException(current switch
            {
                TransferStatus.Accepted => "This transfer has already been accepted.",
                TransferStatus.Declined => "This transfer has already been declined.",
                _ => "This transfer has been withdrawn.",
            });
        }

        return answer switch
        {
            TransferAnswer.Accept => TransferStatus.Accepted,
            TransferAnswer.Decline => TransferStatus.Declined,
            TransferAnswer.Cancel => TransferStatus.Cancelled,
            _ => throw new HelplineRuleException("Accept or decline the transfer."),
        };
    }

    /// <summary>
    /// Whether a pending transfer is offered to this person: the named colleague, or anyone on the case's line with the
    /// specialism asked for. Never the sender.
    /// </summary>
    public static bool IsOfferedTo(CaseTransfer transfer, Actor actor, IReadOnlyCollection<string> actorSpecialisms) =>
        transfer.Status == TransferStatus.Pending && IsAddressedTo(transfer, actor, actorSpecialisms);

    /// <summary>Whether the transfer was meant for this person, whatever its state.</summary>
    public static bool IsAddressedTo(CaseTransfer transfer, Actor actor, IReadOnlyCollection<string> actorSpecialisms) =>
        transfer.FromUserId != actor.UserId
        && actor.WorksQueue
        && actor.Serves(transfer.Line)
        && (transfer.ToUserId is { } named
            ? named == actor.UserId
            : transfer.ToSpecialism is { } specialism && actorSpecialisms.Contains(specialism));

    /// <summary>Exactly one of a colleague or a specialism.</summary>
    public static void EnsureOneTarget(TransferTarget target)
    {
        var hasPerson = !string.IsNullOrWhiteSpace(target.UserId);
        var hasSpecialism = !string.IsNullOrWhiteSpace(target.Specialism);
        if (hasPerson == hasSpecialism)
        {
            throw new HelplineRuleException("Choose a colleague or a specialism to transfer to.");
        }

        if (hasSpecialism && !Specialisms.All.Contains(target.Specialism!))
        {
            throw new HelplineRuleException("Choose a colleague or a specialism to transfer to.");
        }
    }

    public static string ValidNote(string? note) =>
        Text.Required(note, CaseTransfer.MaxNoteLength, "Tell the colleague why you are transferring the case.");
}

public enum TransferAnswer
{
    Accept,
    Decline,
    Cancel,
}

/// <summary>Whom a case is transferred to: a named colleague (<see cref="UserId"/>) or a specialism on the line.</summary>
public sealed record TransferTarget(string? UserId, string? Specialism)
{
    public static TransferTarget Colleague(string userId) => new(userId, null);

    public static TransferTarget Role(string specialism) => new(null, specialism);
}
