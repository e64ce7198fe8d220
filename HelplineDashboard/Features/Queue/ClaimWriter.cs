using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Languages;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// A claim handed to the <see cref="ClaimWriter"/>: who claims which contact, whether it may join an open case, and
/// whether the claimant confirmed a contact in a language they do not counsel in.
/// </summary>
public sealed record ClaimRequest(long ContactId, Actor Actor, CaseChoice Choice, DateTime At, bool ConfirmedOutOfLanguage = false);

/// <summary>How a claim ended, with the contact's line when it was won (for the live queue).</summary>
public sealed record WrittenClaim(ClaimResult Result, string? Line);

/// <summary>
/// The one writer of claims. Claims that arrive together are applied in one transaction (one fsync), each still the
/// conditional update of docs/decisions/0002-atomic-claims.md, in arrival order: of two claims on one contact in a
/// batch, the first wins and the second finds it claimed. The batch reads its contacts and its claimants' languages
/// once, saves its cases and its audit rows with two saves, publishes its claims and writes one log line; each claimant
/// is answered only after the commit. See docs/decisions/0015-claim-batching.md and 0020-claim-cpu.md.
/// </summary>
public sealed class ClaimWriter : IAsyncDisposable
{
    public const int MaxBatch = 128;
    private const int MaxWaiting = 2048;
    private static readonly IReadOnlySet<string> NoLanguages = new HashSet<string>();

    private readonly IDbContextFactory<HelplineDbContext> _dbFactory;
    private readonly WriteGate _writeGate;
    private readonly ClaimedContacts _claimed;
    private readonly QueueNotifier _notifier;
    private readonly ILogger<ClaimWriter> _logger;
    private readonly GroupCommit<ClaimRequest, WrittenClaim> _commits;
    private ClaimRows? _rows;

    public ClaimWriter(
        IDbContextFactory<HelplineDbContext> dbFactory, WriteGate writeGate, ClaimedContacts claimed, QueueNotifier notifier, ILogger<ClaimWriter> logger)
    {
        _dbFactory = dbFactory;
        _writeGate = writeGate;
        _claimed = claimed;
        _notifier = notifier;
        _logger = logger;
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
        var answers = new ClaimResult?[batch.Count];
        var tried = new List<Win>();

        using var turn = await _writeGate.EnterAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync();

        // The transaction holds SQLite's write lock from its start, so what these two reads see stays true until the
        // commit; the conditional update below still decides each claim. Only the columns a claim needs are read (not
        // the encrypted number and message).
        var ids = batch.Select(r => r.ContactId).Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new BatchContact(c.Id, c.Line, c.Status, c.ClaimedByName, c.Language, c.CallerKey, c.Risk))
            .ToDictionaryAsync(c => c.Id);
        var languages = await LanguagesAsync(db, batch, contacts);
        var takenInBatch = new Dictionary<long, string>();

        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i];
            var actor = request.Actor;
            var contact = contacts.GetValueOrDefault(request.ContactId) is { } found && actor.Serves(found.Line) ? found : null;
            if (contact is null)
            {
                answers[i] = ClaimResult.NotFound();
            }
            else if (takenInBatch.TryGetValue(contact.Id, out var winner))
            {
                // Sees this batch's own earlier claims: the loser is told who won, as if they had come a moment later.
                answers[i] = ClaimResult.AlreadyClaimed(winner);
            }
            else if (contact.Status != ContactStatus.Waiting)
            {
                answers[i] = ContactGlance.Explain(new ContactGlance(contact.Status, contact.ClaimedByName, contact.Language, contact.Line));
            }
            else if (!request.ConfirmedOutOfLanguage && !LanguageMatch.Speaks(languages.GetValueOrDefault(actor.UserId) ?? NoLanguages, contact.Language))
            {
                answers[i] = ClaimResult.OutOfLanguage(contact.Language);
            }
            else
            {
                takenInBatch[contact.Id] = actor.DisplayName;
                tried.Add(new Win(i, request, contact));
            }
        }

        // One conditional update for every claim that passed: only a row still waiting changes, and only the rows it
        // returns are won. A claim it did not return is explained from a fresh read, as 0002 does.
        var changed = await ClaimStatements.ClaimWaitingAsync(db, tried.ConvertAll(t => t.Request));
        var won = new List<Win>(tried.Count);
        foreach (var attempt in tried)
        {
            if (changed.Contains(attempt.Contact.Id))
            {
                won.Add(attempt);
            }
            else
            {
                var actor = attempt.Request.Actor;
                answers[attempt.Index] = ContactGlance.Explain(await ContactGlance.ReadAsync(db, attempt.Contact.Id, [.. actor.Lines], CancellationToken.None));
            }
        }

        // The cases the winners open or join (one read of the claimants' open cases for these callers), saved with one
        // save; one statement links the contacts to them; a second save writes the audit rows naming the cases.
        var openCases = await CallerHistory.OpenCasesAsync(
            db, [.. won.Where(w => w.Request.Choice == CaseChoice.JoinOpenCase).Select(w => (w.Contact.CallerKey, w.Request.Actor.UserId))], CancellationToken.None);
        for (var w = 0; w < won.Count; w++)
        {
            won[w] = CaseFor(won[w], won.Take(w), openCases);
        }

        // New cases and the audit lines naming them are inserted by prepared statements from the EF model, not change
        // tracking (docs/decisions/0022-claim-race-tail.md, addendum).
        var rows = _rows ??= new ClaimRows(db);
        await rows.Cases.InsertAsync(db, [.. won.Where(w => w.Opened).Select(w => w.Case!)]);
        await ClaimStatements.LinkCasesAsync(db, [.. won.Select(w => (w.Contact.Id, w.Case!.Id))]);
        await rows.AuditLines.InsertAsync(db, [.. won.Select(win => AuditTrail.Entry(
            win.Request.At, win.Request.Actor, AuditAction.ContactClaimed, AuditTrail.Contact(win.Contact.Id), win.Contact.Line,
            (win.Opened ? AuditPhrases.ClaimOpenedCase : AuditPhrases.ClaimJoinedCase).Format(AuditTrail.Case(win.Case!.Id))))]);
        foreach (var win in won)
        {
            answers[win.Index] = ClaimResult.Won(win.Case!.Id);
        }

        await transaction.CommitAsync();

        // Durable now. Still inside the write gate, so no release can slip in before memory knows: memory learns the
        // contacts won and those the batch found claimed, and the claims waiting on this batch's contacts go on at once
        // (0015), before the live queue hears the claims (together, in order) ahead of any later change of them.
        foreach (var win in won)
        {
            _claimed.Remember(win.Contact.Id, win.Contact.Line, win.Request.Actor.DisplayName);
        }

        foreach (var contact in contacts.Values.Where(c => c.Status == ContactStatus.Claimed && c.ClaimedByName is not null))
        {
            _claimed.Remember(contact.Id, contact.Line, contact.ClaimedByName!);
        }

        _claimed.Landed(ids);

        try
        {
            foreach (var win in won)
            {
                await _notifier.PublishAsync(new ContactClaimed(win.Contact.Id, win.Contact.Line, win.Request.Actor.DisplayName, win.Request.At));
            }

            if (won.Count > 0)
            {
                _logger.LogInformation("{Won} of {Count} claims won in one commit: contacts {ContactIds}", won.Count, batch.Count, won.Select(w => w.Contact.Id));
            }
        }
        catch (Exception ex)
        {
            // Committed: the winners must hear they won, never have their claims tried again (they would find them taken).
            _logger.LogWarning(ex, "Telling the live queue about {Won} committed claims failed", won.Count);
        }

        return [.. answers.Select((answer, i) => new WrittenClaim(answer!, answer!.Status == ClaimStatus.Won ? contacts[batch[i].ContactId].Line : null))];
    }

    /// <summary>The counsel languages of the claimants who did not confirm an out-of-language contact, in one read.</summary>
    private static async Task<Dictionary<string, IReadOnlySet<string>>> LanguagesAsync(
        HelplineDbContext db, IReadOnlyList<ClaimRequest> batch, Dictionary<long, BatchContact> contacts)
    {
        var askers = batch.Where(r => !r.ConfirmedOutOfLanguage && contacts.ContainsKey(r.ContactId)).Select(r => r.Actor.UserId).Distinct().ToList();
        if (askers.Count == 0)
        {
            return [];
        }

        var stored = await db.Users.AsNoTracking().Where(u => askers.Contains(u.Id)).Select(u => new { u.Id, u.Languages }).ToListAsync();
        return stored.ToDictionary(u => u.Id, u => CallerLanguages.Parse(u.Languages));
    }

    /// <summary>
    /// The case the won contact joins (the caller's open case this claimant works, 0007) or a new one. A case opened
    /// or joined earlier in this batch by the same claimant for the same caller counts too, before the database's.
    /// </summary>
    private static Win CaseFor(Win win, IEnumerable<Win> earlier, OpenCases openCases)
    {
        var (request, contact) = (win.Request, win.Contact);
        var actor = request.Actor;
        var joined = request.Choice != CaseChoice.JoinOpenCase
            ? null
            : earlier.LastOrDefault(w => w.Request.Actor.UserId == actor.UserId && contact.CallerKey != "" &&
                                         w.Contact.CallerKey == contact.CallerKey && w.Contact.Line == contact.Line)?.Case
              ?? openCases.Find(contact.Id, contact.CallerKey, contact.Line, actor.UserId);
        if (joined is not null)
        {
            return win with { Case = joined, Opened = false };
        }

        var opened = new Case
        {
            Line = contact.Line,
            OwnerId = actor.UserId,
            OwnerName = actor.DisplayName,
            OpenedAt = request.At,
            Risk = contact.Risk,
        };
        return win with { Case = opened, Opened = true };
    }

    /// <summary>The batch's two inserts, built from the model once (inside the write gate, so by one batch).</summary>
    private sealed class ClaimRows(HelplineDbContext db)
    {
        public EntityInsert<Case> Cases { get; } = EntityInsert<Case>.For(db, (@case, id) => @case.Id = id);

        public EntityInsert<AuditEntry> AuditLines { get; } = EntityInsert<AuditEntry>.For(db, (line, id) => line.Id = id);
    }

    /// <summary>What a batch reads of each contact it claims.</summary>
    private sealed record BatchContact(long Id, string Line, ContactStatus Status, string? ClaimedByName, string Language, string CallerKey, RiskLevel Risk);

    private sealed record Win(int Index, ClaimRequest Request, BatchContact Contact, Case? Case = null, bool Opened = false);
}
