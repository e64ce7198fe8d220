using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// Puts a claimed contact back in the queue (wrong language, needs another counsellor) with a reason. It keeps its
/// arrival time, so it goes back to the place it had. See docs/decisions/0006-case-transfers.md.
/// </summary>
public sealed class ContactReleaseService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    WriteGate writeGate,
    ClaimedContacts claimed,
    QueueNotifier notifier,
    TimeProvider time,
    ILogger<ContactReleaseService> logger)
{
    /// <summary>
    /// Releases the newest contact of the case that the actor claimed. If it was the case's only contact and nothing
    /// has been recorded on the case yet, the empty case is discarded; once work is recorded the case must be
    /// transferred instead, so nothing written about the caller is orphaned.
    /// </summary>
    public async Task<long> ReleaseAsync(long caseId, ReleaseReason reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new HelplineRuleException("Say why the contact goes back to the queue.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync(cancellationToken);
        var contact = contacts
            .Where(c => c.Status == ContactStatus.Claimed && c.ClaimedById == actor.UserId)
            .MaxBy(c => c.ClaimedAt)
            ?? throw new HelplineRuleException("Only the counsellor who claimed a contact can release it.");
        var onlyContact = contacts.Count == 1;
        if (onlyContact && await HasRecordedWorkAsync(db, caseId, cancellationToken))
        {
            throw new HelplineRuleException("Work is already recorded on this case; transfer it instead of releasing the contact.");
        }

        var now = time.GetUtcNow().UtcDateTime;

        // Takes turns with the claim writer, so the claim's memory of this contact is gone before anyone can claim it again.
        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = await db.Contacts
            .Where(c => c.Id == contact.Id && c.Status == ContactStatus.Claimed && c.ClaimedById == actor.UserId && c.CaseId == caseId)
            .ExecuteUpdateAsync(
                u => u.SetProperty(c => c.Status, ContactStatus.Waiting)
                    .SetProperty(c => c.ClaimedAt, (DateTime?)null)
                    .SetProperty(c => c.ClaimedById, (string?)null)
                    .SetProperty(c => c.ClaimedByName, (string?)null)
                    .SetProperty(c => c.CaseId, (long?)null),
                cancellationToken);
        if (released != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new HelplineRuleException("This contact has already left the case.");
        }

        if (onlyContact)
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteDeleteAsync(cancellationToken);
        }

        AuditTrail.Record(db, now, actor, AuditAction.ContactReleased, AuditTrail.Contact(contact.Id), found.Line,
            (onlyContact ? AuditPhrases.ReleasedCaseDiscarded : AuditPhrases.Released).Format(AuditTrail.Case(caseId), reason));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        claimed.Forget(contact.Id);
        turn.Dispose();

        logger.LogInformation("Contact {ContactId} released from case {CaseId} by {UserId}: {Reason}", contact.Id, caseId, actor.UserId, reason);
        var waiting = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id, cancellationToken);
        await notifier.PublishAsync(new ContactReleased(QueuedContact.From(waiting)));
        return contact.Id;
    }

    /// <summary>Anything written on the case besides the claim. Extend when the case gains more records.</summary>
    private static async Task<bool> HasRecordedWorkAsync(HelplineDbContext db, long caseId, CancellationToken cancellationToken) =>
        await db.CaseNotes.AnyAsync(n => n.CaseId == caseId, cancellationToken)
        || await db.Escalations.AnyAsync(e => e.CaseId == caseId, cancellationToken)
        || await db.Referrals.AnyAsync(r => r.CaseId == caseId, cancellationToken)
        || await db.FollowUps.AnyAsync(f => f.CaseId == caseId, cancellationToken)
        || await db.CaseTransfers.AnyAsync(t => t.CaseId == caseId, cancellationToken)
        || await db.RiskScreenings.AnyAsync(s => s.CaseId == caseId, cancellationToken)
        || await db.CaseCategories.AnyAsync(c => c.CaseId == caseId, cancellationToken)
        || await db.SafetyPlans.AnyAsync(p => p.CaseId == caseId, cancellationToken);
}

/// <summary>Why a counsellor gives a contact back to the queue. Recorded in the audit log.</summary>
public enum ReleaseReason
{
    WrongLanguage,
    NeedsAnotherSpecialism,
    CounsellorMustLeave,
    ClaimedByMistake,
}

public static class ReleaseReasonLabels
{
    public static string Label(ReleaseReason reason) => reason switch
    {
        ReleaseReason.WrongLanguage => "Wrong language",
        ReleaseReason.NeedsAnotherSpecialism => "Needs another specialism",
        ReleaseReason.CounsellorMustLeave => "I have to step away",
        ReleaseReason.ClaimedByMistake => "Claimed by mistake",
        _ => reason.ToString(),
    };
}
