using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Cases;

/// <summary>
/// Case work: reading a case, adding notes, closing. Owns the access rule: the case's owner works it,
/// supervisors of its line may read it, nobody else learns it exists.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    IOptionsMonitor<EscalationOptions> escalationOptions,
    CasePresence presence,
    CaseNotifier caseChanges,
    TimeProvider time,
    ILogger<CaseService> logger)
{
    /// <summary>
    /// The case for its owner or a supervisor of its line. Opening it (<see cref="CaseRead.Open"/>) is audited, with the
    /// full number shown; a refresh of an already open workspace is not audited again.
    /// </summary>
    public async Task<CaseDetails> GetAsync(long caseId, Actor actor, CaseRead read = CaseRead.Open, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Cases.AsNoTracking()
            .Include(c => c.Contacts)
            .Include(c => c.Notes)
            .Include(c => c.Escalations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        await EnsureReadableAsync(db, found, actor, cancellationToken);

        if (read == CaseRead.Open)
        {
            AuditTrail.Record(db, time.GetUtcNow().UtcDateTime, actor, AuditAction.CaseViewed, AuditTrail.Case(found.Id), found.Line, AuditDetails.NumberShownInFull);
            await db.SaveChangesAsync(cancellationToken);
        }

        var first = found.Contacts.OrderBy(c => c.ArrivedAt).First();
        return new CaseDetails(
            found.Id,
            found.Line,
            found.Status,
            found.Risk,
            found.OwnerId,
            found.OwnerName,
            found.OpenedAt,
            found.ClosedAt,
            found.Outcome,
            found.ClosingSummary,
            new CallerView(
                CallerNumbers.Display(first.From, first.Channel),
                first.Channel,
                first.Language,
                first.Region,
                first.Message,
                first.ArrivedAt,
                first.ClaimedAt),
            found.Notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Select(n => new NoteView(n.Id, n.AuthorName, n.Text, n.CreatedAt, n.AmendsNoteId)).ToList(),
            found.Escalations.OrderByDescending(e => e.RequestedAt)
                .Select(e => EscalationView.From(e, time.GetUtcNow().UtcDateTime, escalationOptions.CurrentValue.FallbackAfter)).ToList(),
            CaseRules.MayWork(found, actor));
    }

    /// <summary>The actor's own open cases, newest first.</summary>
    public async Task<IReadOnlyList<CaseSummary>> ListOpenForOwnerAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.OwnerId == actor.UserId && c.Status == CaseStatus.Open)
            .OrderByDescending(c => c.OpenedAt)
            .Select(c => new
            {
                c.Id, c.Line, c.Status, c.Risk, c.OpenedAt,
                First = c.Contacts.OrderBy(x => x.ArrivedAt).Select(x => new { x.Channel, x.From }).First(),
            })
            .ToListAsync(cancellationToken);
        return cases.Select(c => new CaseSummary(c.Id, c.Line, c.Status, c.Risk, c.OpenedAt, c.First.Channel, CallerNumbers.Mask(c.First.From, c.First.Channel))).ToList();
    }

    public async Task<NoteView> AddNoteAsync(long caseId, string text, Actor actor, long? amendsNoteId = null, CancellationToken cancellationToken = default)
    {
        var trimmed = CaseRules.ValidNoteText(text);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await LoadForWorkAsync(db, caseId, actor, cancellationToken);
        if (amendsNoteId is not null && !await db.CaseNotes.AnyAsync(n => n.Id == amendsNoteId && n.CaseId == caseId, cancellationToken))
        {
            throw new HelplineRuleException("The note being amended is not part of this case.");
        }

        var note = new CaseNote
        {
            CaseId = found.Id,
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName,
            Text = trimmed,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            AmendsNoteId = amendsNoteId,
        };
        db.CaseNotes.Add(note);

        // The audit line names the note's id, so the note is saved first, but never without its line.
        await AuditTrail.SaveWithLineAsync(
            db,
            () => AuditTrail.Record(db, note.CreatedAt, actor, AuditAction.NoteAdded, AuditTrail.Case(caseId), found.Line, amendsNoteId is null ? AuditPhrases.Note.Format(note.Id) : AuditPhrases.NoteAmends.Format(note.Id, amendsNoteId)),
            cancellationToken);
        logger.LogInformation("Note {NoteId} added to case {CaseId}", note.Id, caseId);
        await caseChanges.PublishAsync(new CaseChanged(caseId, found.Line));
        return new NoteView(note.Id, note.AuthorName, note.Text, note.CreatedAt, note.AmendsNoteId);
    }

    public async Task CloseAsync(long caseId, CaseOutcome outcome, string? summary, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.EnsureKnownOutcome(outcome);
        var trimmedSummary = CaseRules.ValidClosingSummary(summary);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Conditional: a case closes once, even if the owner clicks twice in two tabs.
        var closed = await db.Cases
            .Where(c => c.Id == caseId && c.Status == CaseStatus.Open)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(c => c.Status, CaseStatus.Closed)
                    .SetProperty(c => c.ClosedAt, now)
                    .SetProperty(c => c.Outcome, outcome)
                    .SetProperty(c => c.ClosingSummary, trimmedSummary),
                cancellationToken);
        if (closed != 1)
        {
            throw new HelplineRuleException("This case is already closed.");
        }

        AuditTrail.Record(db, now, actor, AuditAction.CaseClosed, AuditTrail.Case(caseId), found.Line, AuditPhrases.Closed.Format(outcome));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Case {CaseId} closed with outcome {Outcome}", caseId, outcome);
        await caseChanges.PublishAsync(new CaseChanged(caseId, found.Line));
        await presence.PutDownIfNoneOpenAsync(found.OwnerId, cancellationToken);
    }

    /// <summary>
    /// Reopens a closed case, with the reason written as a note on it. Its owner or a supervisor of its line may reopen;
    /// the case stays with its owner.
    /// </summary>
    public async Task ReopenAsync(long caseId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var text = Text.Required(reason, CaseNote.MaxLength, "Say why the case is reopened.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is null || !CaseRules.MayRead(found, actor) || !actor.WorksQueue)
        {
            throw new AccessDeniedException();
        }

        if (found.AnonymisedAt is not null)
        {
            throw new HelplineRuleException("This case has been anonymised and cannot be reopened.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reopened = await db.Cases
            .Where(c => c.Id == caseId && c.Status == CaseStatus.Closed && c.AnonymisedAt == null)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(c => c.Status, CaseStatus.Open)
                    .SetProperty(c => c.ClosedAt, (DateTime?)null)
                    .SetProperty(c => c.Outcome, (CaseOutcome?)null)
                    .SetProperty(c => c.ClosingSummary, (string?)null),
                cancellationToken);
        if (reopened != 1)
        {
            throw new HelplineRuleException("This case is already open.");
        }

        var note = new CaseNote { CaseId = caseId, AuthorId = actor.UserId, AuthorName = actor.DisplayName, Text = "Reopened: " + text, CreatedAt = now };
        db.CaseNotes.Add(note);
        AuditTrail.Record(db, now, actor, AuditAction.CaseReopened, AuditTrail.Case(caseId), found.Line,
            AuditPhrases.Reopened.Format(found.Outcome));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Case {CaseId} reopened by {UserId}", caseId, actor.UserId);
        await caseChanges.PublishAsync(new CaseChanged(caseId, found.Line));
    }

    /// <summary>Loads a case the actor may read (owner, supervisor of its line, a colleague offered it), or refuses.</summary>
    internal static async Task<Case> LoadForReadAsync(HelplineDbContext db, long caseId, Actor actor, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        await EnsureReadableAsync(db, found, actor, cancellationToken);
        return found;
    }

    /// <summary>A counsellor offered a transfer of the case may read it (not work it) before deciding.</summary>
    private static async Task EnsureReadableAsync(HelplineDbContext db, [System.Diagnostics.CodeAnalysis.NotNull] Case? found, Actor actor, CancellationToken cancellationToken)
    {
        if (found is null || !(CaseRules.MayRead(found, actor) || await Transfers.TransferAccess.IsOfferedAsync(db, found.Id, actor, cancellationToken)))
        {
            throw new AccessDeniedException();
        }
    }

    /// <summary>Loads a case the actor may work on, or refuses.</summary>
    internal static async Task<Case> LoadForWorkAsync(HelplineDbContext db, long caseId, Actor actor, CancellationToken cancellationToken)
    {
        var found = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is null || !CaseRules.MayRead(found, actor))
        {
            throw new AccessDeniedException();
        }

        CaseRules.EnsureWorkable(found, actor);
        return found;
    }
}

/// <summary>Why a case is read: opening it is audited, refreshing an open workspace is not.</summary>
public enum CaseRead
{
    Open,
    Refresh,
}
