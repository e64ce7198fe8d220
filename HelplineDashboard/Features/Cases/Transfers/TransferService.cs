using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>
/// Transfers a case to a colleague or to a specialism on its line. Only the owner transfers; until a receiver accepts,
/// the case stays with the sender. Accepting is one conditional update, so of several specialists only the first wins,
/// and the case changes owner in the same transaction. See docs/decisions/0006-case-transfers.md.
/// </summary>
public sealed class TransferService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    TransferNotifier notifier,
    CasePresence presence,
    TimeProvider time,
    ILogger<TransferService> logger)
{
    public async Task<TransferView> RequestAsync(long caseId, TransferTarget target, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        TransferRules.EnsureOneTarget(target);
        var text = TransferRules.ValidNote(note);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);

        string? toName = null;
        if (target.UserId is { } userId)
        {
            var colleague = (await ColleaguesOnLineAsync(db, found.Line, actor, cancellationToken)).FirstOrDefault(c => c.UserId == userId)
                ?? throw new HelplineRuleException("Choose a colleague who works this line.");
            toName = colleague.DisplayName;
        }
        else if (!(await ColleaguesOnLineAsync(db, found.Line, actor, cancellationToken)).Any(c => c.Specialisms.Contains(target.Specialism!)))
        {
            throw new HelplineRuleException("Nobody else on this line has that specialism.");
        }

        if (await db.CaseTransfers.AnyAsync(t => t.CaseId == caseId && t.Status == TransferStatus.Pending, cancellationToken))
        {
            throw new HelplineRuleException("This case already has a transfer waiting for an answer.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var transfer = new CaseTransfer
        {
            CaseId = caseId,
            Line = found.Line,
            FromUserId = actor.UserId,
            FromName = actor.DisplayName,
            ToUserId = target.UserId,
            ToName = toName,
            ToSpecialism = target.Specialism,
            Note = text,
            RequestedAt = now,
        };
        db.CaseTransfers.Add(transfer);
        try
        {
            await AuditTrail.SaveWithLineAsync(
                db,
                () => AuditTrail.Record(db, now, actor, AuditAction.TransferRequested, AuditTrail.Case(caseId), found.Line,
                    target.UserId is { } to ? AuditPhrases.TransferToPerson.Format(transfer.Id, $"user:{to}") : AuditPhrases.TransferToSpecialism.Format(transfer.Id, target.Specialism)),
                cancellationToken);
        }
        catch (DbUpdateException failed) when (UniqueIndex.Refused<CaseTransfer>(failed))
        {
            // The unique index on a case's pending transfer: the owner asked twice at once. A failed audit line is not
            // this, and goes up as the failure it is.
            throw new HelplineRuleException("This case already has a transfer waiting for an answer.");
        }

        logger.LogInformation("Transfer {TransferId} of case {CaseId} requested by {UserId}", transfer.Id, caseId, actor.UserId);
        await PublishAsync(transfer, newOwnerId: null);
        return TransferView.From(transfer, isFromMe: true, isOfferedToMe: false);
    }

    /// <summary>The receiver takes the case. Of everyone offered a transfer, exactly one accept wins.</summary>
    public async Task AcceptAsync(long transferId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var transfer = await LoadOfferedAsync(db, transferId, actor, cancellationToken);
        TransferRules.Next(transfer.Status, TransferAnswer.Accept);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (!await AnswerAsync(db, transferId, TransferStatus.Accepted, now, actor, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            throw await AlreadyAnsweredAsync(db, transferId, cancellationToken);
        }

        var moved = await db.Cases
            .Where(c => c.Id == transfer.CaseId && c.OwnerId == transfer.FromUserId && c.Status == CaseStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.OwnerId, actor.UserId).SetProperty(c => c.OwnerName, actor.DisplayName), cancellationToken);
        if (moved != 1)
        {
            // Closed (or otherwise changed) since the request: the transfer lapses and the case stays where it is.
            await transaction.RollbackAsync(cancellationToken);
            await LapseAsync(transfer, actor, cancellationToken);
            throw new HelplineRuleException("This case was closed before the transfer was accepted.");
        }

        // The callbacks the sender promised go with the case.
        await db.FollowUps
            .Where(f => f.CaseId == transfer.CaseId && f.Status == FollowUpStatus.Scheduled)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.OwnerId, actor.UserId), cancellationToken);
        AuditTrail.Record(db, now, actor, AuditAction.TransferAccepted, AuditTrail.Case(transfer.CaseId), transfer.Line,
            AuditPhrases.TransferAccepted.Format(transferId, $"user:{transfer.FromUserId}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Transfer {TransferId} of case {CaseId} accepted by {UserId}", transferId, transfer.CaseId, actor.UserId);
        transfer.Status = TransferStatus.Accepted;
        await PublishAsync(transfer, newOwnerId: actor.UserId);
        await presence.HandedOverAsync(transfer.FromUserId, actor.UserId, cancellationToken);
    }

    /// <summary>The receiver says no; the case stays with the sender, who is told live.</summary>
    public Task DeclineAsync(long transferId, Actor actor, CancellationToken cancellationToken = default) =>
        EndAsync(transferId, TransferAnswer.Decline, actor, cancellationToken);

    /// <summary>The sender withdraws a transfer nobody has answered yet.</summary>
    public Task CancelAsync(long transferId, Actor actor, CancellationToken cancellationToken = default) =>
        EndAsync(transferId, TransferAnswer.Cancel, actor, cancellationToken);

    /// <summary>Pending transfers offered to the actor, oldest first.</summary>
    public async Task<IReadOnlyList<TransferView>> ListIncomingAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.WorksQueue)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = actor.Lines.ToList();
        var pending = await db.CaseTransfers.AsNoTracking()
            .Where(t => t.Status == TransferStatus.Pending && lines.Contains(t.Line) && t.FromUserId != actor.UserId)
            .OrderBy(t => t.RequestedAt)
            .ToListAsync(cancellationToken);
        var specialisms = await TransferAccess.SpecialismsOfAsync(db, actor.UserId, cancellationToken);
        return pending.Where(t => TransferRules.IsOfferedTo(t, actor, specialisms))
            .Select(t => TransferView.From(t, isFromMe: false, isOfferedToMe: true))
            .ToList();
    }

    /// <summary>
    /// Every transfer of a case, newest first, for whoever may read the case (owner, supervisor of its line, a receiver
    /// it is offered to). Also the source of the transfer events on the case timeline.
    /// </summary>
    public async Task<IReadOnlyList<TransferView>> ListForCaseAsync(long caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await CaseService.LoadForReadAsync(db, caseId, actor, cancellationToken);
        var offered = await TransferAccess.IsOfferedAsync(db, caseId, actor, cancellationToken);

        var transfers = await db.CaseTransfers.AsNoTracking()
            .Where(t => t.CaseId == caseId)
            .OrderByDescending(t => t.RequestedAt).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
        var specialisms = offered ? await TransferAccess.SpecialismsOfAsync(db, actor.UserId, cancellationToken) : [];
        return transfers
            .Select(t => TransferView.From(t, t.FromUserId == actor.UserId, offered && TransferRules.IsOfferedTo(t, actor, specialisms)))
            .ToList();
    }

    /// <summary>Colleagues the owner can transfer this case to: enabled counsellors and supervisors of its line, not the owner.</summary>
    public async Task<IReadOnlyList<Colleague>> ListColleaguesAsync(long caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        return await ColleaguesOnLineAsync(db, found.Line, actor, cancellationToken);
    }

    private async Task<IReadOnlyList<Colleague>> ColleaguesOnLineAsync(HelplineDbContext db, string line, Actor actor, CancellationToken cancellationToken)
    {
        var workers = await (from userRole in db.UserRoles
                             join role in db.Roles on userRole.RoleId equals role.Id
                             join user in db.Users on userRole.UserId equals user.Id
                             where (role.Name == Roles.Counsellor || role.Name == Roles.Supervisor) && user.Id != actor.UserId
                             select new { user.Id, user.DisplayName, user.Lines, user.Specialisms, user.LockoutEnd })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return workers
            .Where(u => AdministrationRules.ParseLines(u.Lines).Contains(line) && UserAdministrationService.StateOf(u.LockoutEnd, now) != AccountState.Disabled)
            .DistinctBy(u => u.Id)
            .Select(u => new Colleague(u.Id, u.DisplayName, Specialisms.Parse(u.Specialisms)))
            .OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private async Task EndAsync(long transferId, TransferAnswer answer, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var transfer = answer == TransferAnswer.Cancel
            ? await LoadSentAsync(db, transferId, actor, cancellationToken)
            : await LoadOfferedAsync(db, transferId, actor, cancellationToken);
        var next = TransferRules.Next(transfer.Status, answer);
        var now = time.GetUtcNow().UtcDateTime;
        await AuditTrail.WriteWithLineAsync(
            db,
            async ct =>
            {
                if (!await AnswerAsync(db, transferId, next, now, actor, ct))
                {
                    throw await AlreadyAnsweredAsync(db, transferId, ct);
                }
            },
            () => AuditTrail.Record(db, now, actor, next == TransferStatus.Declined ? AuditAction.TransferDeclined : AuditAction.TransferCancelled,
                AuditTrail.Case(transfer.CaseId), transfer.Line, AuditPhrases.Transfer.Format(transferId)),
            cancellationToken);
        logger.LogInformation("Transfer {TransferId} of case {CaseId} {Status} by {UserId}", transferId, transfer.CaseId, next, actor.UserId);
        transfer.Status = next;
        await PublishAsync(transfer, newOwnerId: null);
    }

    /// <summary>A transfer whose case closed before anyone accepted it is withdrawn, so it leaves every inbox.</summary>
    private async Task LapseAsync(CaseTransfer transfer, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var lapsed = false;
        await AuditTrail.WriteWithLineAsync(
            db,
            async ct => lapsed = await AnswerAsync(db, transfer.Id, TransferStatus.Cancelled, now, actor, ct),
            () =>
            {
                if (lapsed)
                {
                    AuditTrail.Record(db, now, actor, AuditAction.TransferCancelled, AuditTrail.Case(transfer.CaseId), transfer.Line,
                        AuditPhrases.TransferLapsed.Format(transfer.Id));
                }
            },
            cancellationToken);
        if (lapsed)
        {
            transfer.Status = TransferStatus.Cancelled;
            await PublishAsync(transfer, newOwnerId: null);
        }
    }

    /// <summary>Moves a still-pending transfer to its answer; false when someone answered first.</summary>
    private static async Task<bool> AnswerAsync(HelplineDbContext db, long transferId, TransferStatus status, DateTime now, Actor actor, CancellationToken cancellationToken) =>
        await db.CaseTransfers
            .Where(t => t.Id == transferId && t.Status == TransferStatus.Pending)
            .ExecuteUpdateAsync(
                u => u.SetProperty(t => t.Status, status)
                    .SetProperty(t => t.RespondedAt, now)
                    .SetProperty(t => t.RespondedById, actor.UserId)
                    .SetProperty(t => t.RespondedByName, actor.DisplayName),
                cancellationToken) == 1;

    private static async Task<HelplineRuleException> AlreadyAnsweredAsync(HelplineDbContext db, long transferId, CancellationToken cancellationToken)
    {
        var status = await db.CaseTransfers.AsNoTracking().Where(t => t.Id == transferId).Select(t => t.Status).SingleAsync(cancellationToken);
        try
        {
            TransferRules.Next(status, TransferAnswer.Accept);
            return new HelplineRuleException("This transfer has been withdrawn.");
        }
        catch (HelplineRuleException refused)
        {
            return refused;
        }
    }

    private static async Task<CaseTransfer> LoadOfferedAsync(HelplineDbContext db, long transferId, Actor actor, CancellationToken cancellationToken)
    {
        var transfer = await db.CaseTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null)
        {
            throw new AccessDeniedException();
        }

        // An answered transfer is no longer offered; the caller says what happened to it rather than "no access".
        var specialisms = await TransferAccess.SpecialismsOfAsync(db, actor.UserId, cancellationToken);
        if (!TransferRules.IsAddressedTo(transfer, actor, specialisms))
        {
            throw new AccessDeniedException();
        }

        return transfer;
    }

    private static async Task<CaseTransfer> LoadSentAsync(HelplineDbContext db, long transferId, Actor actor, CancellationToken cancellationToken) =>
        await db.CaseTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transferId && t.FromUserId == actor.UserId, cancellationToken)
            ?? throw new AccessDeniedException();

    private Task PublishAsync(CaseTransfer transfer, string? newOwnerId) =>
        notifier.PublishAsync(new TransferChanged(
            transfer.Id, transfer.CaseId, transfer.Line, transfer.Status, transfer.FromUserId, transfer.ToUserId, transfer.ToSpecialism, newOwnerId));
}
