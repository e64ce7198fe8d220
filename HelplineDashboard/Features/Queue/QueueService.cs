using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Languages;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Queue;

/// <summary>The live queue: what is waiting, and claiming a contact. See docs/decisions/0002-atomic-claims.md.</summary>
public sealed class QueueService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    WriteGate writeGate,
    QueueNotifier notifier,
    PresenceService presence,
    UserLanguageService languages,
    TimeProvider time,
    ILogger<QueueService> logger)
{
    /// <summary>Waiting contacts on the actor's lines, in queue order.</summary>
    public async Task<IReadOnlyList<QueuedContact>> ListWaitingAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureWorksQueue(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = actor.Lines.ToList();
        var waiting = db.Contacts.AsNoTracking()
            .Where(c => c.Status == ContactStatus.Waiting && lines.Contains(c.Line));
        var contacts = await QueueOrder.Apply(waiting).ToListAsync(cancellationToken);
        return contacts.Select(QueuedContact.From).ToList();
    }

    /// <summary>The languages the actor counsels in (saved on their account); empty when not set.</summary>
    public Task<IReadOnlySet<string>> LanguagesOfAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureWorksQueue(actor);
        return languages.CounselLanguagesAsync(actor.UserId, cancellationToken);
    }

    /// <summary>
    /// Claims a waiting contact for the actor and opens its case. Exactly one claimant wins: the claim is a
    /// conditional update that only a still-waiting row satisfies, inside the same transaction as the new case.
    /// A repeat caller's contact joins the caller's open case that the actor works, unless the actor asks for a new
    /// case (see docs/decisions/0007-repeat-caller-claims.md). A contact in a language the actor does not counsel in
    /// is refused (<see cref="ClaimStatus.OutOfLanguage"/>) unless <paramref name="confirmedOutOfLanguage"/> says they
    /// confirmed they will take it anyway.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(
        long contactId,
        Actor actor,
        CaseChoice choice = CaseChoice.JoinOpenCase,
        bool confirmedOutOfLanguage = false,
        CancellationToken cancellationToken = default)
    {
        EnsureWorksQueue(actor);
        presence.EnsureMayClaim(actor);
        var lines = actor.Lines.ToList();
        var now = time.GetUtcNow().UtcDateTime;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One read answers most claims without the write lock: in a race most claimants find the contact already
        // taken, and a contact in a language the actor does not speak needs their confirmation first. A contact
        // still waiting goes on to the conditional update below.
        var seen = await GlanceAsync(db, contactId, lines, cancellationToken);
        if (seen is { Status: not ContactStatus.Waiting })
        {
            return Explain(seen);
        }

        if (seen is not null && !confirmedOutOfLanguage &&
            !LanguageMatch.Speaks(await languages.CounselLanguagesAsync(actor.UserId, cancellationToken), seen.Language))
        {
            return ClaimResult.OutOfLanguage(seen.Language);
        }

        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var won = await db.Contacts
            .Where(c => c.Id == contactId && c.Status == ContactStatus.Waiting && lines.Contains(c.Line))
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(c => c.Status, ContactStatus.Claimed)
                    .SetProperty(c => c.ClaimedAt, now)
                    .SetProperty(c => c.ClaimedById, actor.UserId)
                    .SetProperty(c => c.ClaimedByName, actor.DisplayName),
                cancellationToken);

        if (won != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            turn.Dispose();
            return Explain(await GlanceAsync(db, contactId, lines, cancellationToken));
        }

        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId, cancellationToken);
        var joined = choice == CaseChoice.JoinOpenCase ? await CallerHistory.FindOpenCaseAsync(db, contact, actor.UserId, cancellationToken) : null;
        var opened = joined ?? new Case
        {
            Line = contact.Line,
            OwnerId = actor.UserId,
            OwnerName = actor.DisplayName,
            OpenedAt = now,
            Risk = contact.Risk,
        };
        opened.Contacts.Add(contact);
        if (joined is null)
        {
            db.Cases.Add(opened);
        }

        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, now, actor, AuditAction.ContactClaimed, AuditTrail.Contact(contact.Id), contact.Line,
            $"{(joined is null ? "opened" : "joined")} {AuditTrail.Case(opened.Id)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        turn.Dispose();

        logger.LogInformation("Contact {ContactId} claimed by {UserId}; case {CaseId} {Opened}", contactId, actor.UserId, opened.Id, joined is null ? "opened" : "joined");
        await presence.ClaimedAsync(actor);
        await notifier.PublishAsync(new ContactClaimed(contact.Id, contact.Line, actor.DisplayName, now));
        return ClaimResult.Won(opened.Id);
    }

    private sealed record ContactGlance(ContactStatus Status, string? ClaimedByName, string Language);

    private static Task<ContactGlance?> GlanceAsync(HelplineDbContext db, long contactId, List<string> lines, CancellationToken cancellationToken) =>
        db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId && lines.Contains(c.Line))
            .Select(c => new ContactGlance(c.Status, c.ClaimedByName, c.Language))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Why a claim on a contact that is not (or no longer) waiting did not win.</summary>
    private static ClaimResult Explain(ContactGlance? contact) => contact?.Status switch
    {
        ContactStatus.Claimed => ClaimResult.AlreadyClaimed(contact.ClaimedByName ?? ""),
        ContactStatus.Abandoned => ClaimResult.Abandoned(),
        _ => ClaimResult.NotFound(),
    };

    private static void EnsureWorksQueue(Actor actor)
    {
        if (!actor.WorksQueue)
        {
            throw new AccessDeniedException();
        }
    }
}

/// <summary>Whether a claim joins the caller's open case or starts a new one.</summary>
public enum CaseChoice
{
    JoinOpenCase,
    NewCase,
}

public enum ClaimStatus
{
    Won,
    AlreadyClaimed,
    Abandoned,
    NotFound,

    /// <summary>Not claimed: the contact's language is not one the counsellor speaks, and they did not confirm.</summary>
    OutOfLanguage,
}

/// <summary>How a claim ended. A lost claim names who has the contact; an out-of-language one names the language.</summary>
public sealed record ClaimResult(ClaimStatus Status, long? CaseId, string? ClaimedByName, string? Language = null)
{
    public static ClaimResult Won(long caseId) => new(ClaimStatus.Won, caseId, null);

    public static ClaimResult AlreadyClaimed(string claimedByName) => new(ClaimStatus.AlreadyClaimed, null, claimedByName);

    public static ClaimResult Abandoned() => new(ClaimStatus.Abandoned, null, null);

    public static ClaimResult NotFound() => new(ClaimStatus.NotFound, null, null);

    public static ClaimResult OutOfLanguage(string language) => new(ClaimStatus.OutOfLanguage, null, null, language);
}
