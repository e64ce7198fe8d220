using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Queue;

/// <summary>A claim handed to the <see cref="ClaimWriter"/>: who claims which contact, and whether it may join an open case.</summary>
public sealed record ClaimRequest(long ContactId, Actor Actor, CaseChoice Choice, DateTime At);

/// <summary>How a claim ended, with the contact's line when it was won (for the live queue).</summary>
public sealed record WrittenClaim(ClaimResult Result, string? Line);

/// <summary>
/// The one writer of claims. Claims that arrive together are applied in one transaction (one fsync), each still the
/// conditional update of docs/decisions/0002-atomic-claims.md, in arrival order: of two claims on one contact in a
/// batch, the first wins and the second finds it claimed. Each claimant is answered only after the commit. See
/// docs/decisions/0015-claim-batching.md.
/// </summary>
public sealed class ClaimWriter : IAsyncDisposable
{
    public const int MaxBatch = 128;
    private const int MaxWaiting = 2048;

    private readonly IDbContextFactory<HelplineDbContext> _dbFactory;
    private readonly WriteGate _writeGate;
    private readonly ClaimedContacts _claimed;
    private readonly GroupCommit<ClaimRequest, WrittenClaim> _commits;

    public ClaimWriter(IDbContextFactory<HelplineDbContext> dbFactory, WriteGate writeGate, ClaimedContacts claimed, ILogger<ClaimWriter> logger)
    {
        _dbFactory = dbFactory;
        _writeGate = writeGate;
        _claimed = claimed;
        _commits = new GroupCommit<ClaimRequest, WrittenClaim>(CommitAsync, MaxBatch, MaxWaiting, logger);
    }

    /// <summary>Completes after the commit that holds the claim; a claim handed over goes ahead even if the caller stops waiting.</summary>
    public Task<WrittenClaim> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        _commits.SubmitAsync(request, cancellationToken);

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    /// <summary>Applies one batch in one transaction and answers each claim in order (tests call it to fix a batch).</summary>
    internal async Task<IReadOnlyList<WrittenClaim>> CommitAsync(IReadOnlyList<ClaimRequest> batch)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        var answers = new List<WrittenClaim>(batch.Count);
        var won = new List<(ClaimRequest Request, Contact Contact, Case Case, bool Joined)>();

        using var turn = await _writeGate.EnterAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var request in batch)
        {
            answers.Add(await ApplyAsync(db, request, won));
        }

        foreach (var (request, contact, opened, joined) in won)
        {
            AuditTrail.Record(db, request.At, request.Actor, AuditAction.ContactClaimed, AuditTrail.Contact(contact.Id), contact.Line,
                $"{(joined ? "joined" : "opened")} {AuditTrail.Case(opened.Id)}");
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        // Durable now; still inside the write gate, so no release can slip in before memory knows.
        foreach (var (request, contact, _, _) in won)
        {
            _claimed.Remember(contact.Id, contact.Line, request.Actor.DisplayName);
        }

        return answers;
    }

    private static async Task<WrittenClaim> ApplyAsync(HelplineDbContext db, ClaimRequest request, List<(ClaimRequest, Contact, Case, bool)> won)
    {
        var actor = request.Actor;
        var lines = actor.Lines.ToList();
        var claimed = await db.Contacts
            .Where(c => c.Id == request.ContactId && c.Status == ContactStatus.Waiting && lines.Contains(c.Line))
            .ExecuteUpdateAsync(update => update
                .SetProperty(c => c.Status, ContactStatus.Claimed)
                .SetProperty(c => c.ClaimedAt, request.At)
                .SetProperty(c => c.ClaimedById, actor.UserId)
                .SetProperty(c => c.ClaimedByName, actor.DisplayName));
        if (claimed != 1)
        {
            // Sees this batch's own earlier claims: the loser is told who won, as if they had come a moment later.
            return new WrittenClaim(ContactGlance.Explain(await ContactGlance.ReadAsync(db, request.ContactId, lines, CancellationToken.None)), null);
        }

        var contact = await db.Contacts.SingleAsync(c => c.Id == request.ContactId);
        var joined = request.Choice == CaseChoice.JoinOpenCase ? await CallerHistory.FindOpenCaseAsync(db, contact, actor.UserId, CancellationToken.None) : null;
        var opened = joined ?? new Case
        {
            Line = contact.Line,
            OwnerId = actor.UserId,
            OwnerName = actor.DisplayName,
            OpenedAt = request.At,
            Risk = contact.Risk,
        };
        opened.Contacts.Add(contact);
        if (joined is null)
        {
            db.Cases.Add(opened);
        }

        // Saved per claim (inside the batch's transaction) so a later claim of the same caller in this batch finds the case.
        await db.SaveChangesAsync();
        won.Add((request, contact, opened, joined is not null));
        return new WrittenClaim(ClaimResult.Won(opened.Id), contact.Line);
    }
}
