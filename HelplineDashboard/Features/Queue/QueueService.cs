using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Languages;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Queue;

/// <summary>The live queue: what is waiting, and claiming a contact. See docs/decisions/0002-atomic-claims.md.</summary>
public sealed class QueueService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    ClaimWriter writer,
    ClaimedContacts claimed,
    PresenceService presence,
    UserLanguageService languages,
    TimeProvider time)
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
    /// conditional update that only a still-waiting row satisfies, inside the same transaction as the new case. Claims
    /// arriving together share one transaction (<see cref="ClaimWriter"/>, docs/decisions/0015-claim-batching.md); a
    /// claim on a contact this app already claimed is refused from memory (<see cref="ClaimedContacts"/>).
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

        // In a race most claimants find the contact already taken, or find another claim on it on its way to the
        // database: memory answers those without the database, once what they wait for is durable.
        if (claimed.Refusal(contactId, actor.Lines) is { } taken)
        {
            return taken;
        }

        if (claimed.ClaimOnItsWay(contactId, out var mine) is { } earlier)
        {
            await earlier.WaitAsync(cancellationToken);
            return claimed.Refusal(contactId, actor.Lines) ?? await ClaimInDatabaseAsync(contactId, actor, choice, confirmedOutOfLanguage, cancellationToken);
        }

        try
        {
            return await ClaimInDatabaseAsync(contactId, actor, choice, confirmedOutOfLanguage, cancellationToken);
        }
        finally
        {
            claimed.Landed(contactId, mine!);
        }
    }

    private async Task<ClaimResult> ClaimInDatabaseAsync(long contactId, Actor actor, CaseChoice choice, bool confirmedOutOfLanguage, CancellationToken cancellationToken)
    {
        // The claim writer reads the contact and the claimant's languages with the rest of its batch, refuses a lost
        // or out-of-language claim from that read, and publishes the claims it won after their commit.
        var now = time.GetUtcNow().UtcDateTime;
        var written = await writer.ClaimAsync(new ClaimRequest(contactId, actor, choice, now, confirmedOutOfLanguage), cancellationToken);
        if (written.Result.Status == ClaimStatus.Won)
        {
            await presence.ClaimedAsync(actor);
        }

        return written.Result;
    }

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
