using System.Globalization;
using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.FollowUps;

/// <summary>
/// Callbacks: the case owner schedules one inside the caller's safe times (<see cref="ICallbackWindow"/>) and marks it
/// done. <see cref="FollowUpDueMonitor"/> announces each one as it falls due; supervisors see the overdue ones.
/// </summary>
public sealed class FollowUpService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    ICallbackWindow callbackWindow,
    FollowUpNotifier notifier,
    TimeProvider time,
    ILogger<FollowUpService> logger)
{
    /// <summary>How far ahead a callback can be promised.</summary>
    public static readonly TimeSpan MaxLeadTime = TimeSpan.FromDays(90);

    public async Task<FollowUpView> ScheduleAsync(long caseId, DateTime dueUtc, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        var text = Text.Optional(note, FollowUp.MaxNoteLength);
        var now = time.GetUtcNow().UtcDateTime;
        var due = DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        if (due <= now)
        {
            throw new HelplineRuleException("Choose a time in the future for the callback.");
        }

        if (due > now + MaxLeadTime)
        {
            throw new HelplineRuleException("Choose a time within the next 90 days for the callback.");
        }

        var window = await callbackWindow.CheckAsync(caseId, due, cancellationToken);
        if (!window.Allowed)
        {
            throw new HelplineRuleException(window.Reason ?? "This time is outside the caller's safe times.");
        }

        var followUp = new FollowUp
        {
            CaseId = caseId,
            Line = found.Line,
            OwnerId = actor.UserId,
            DueAt = due,
            Note = text,
            CreatedAt = now,
        };
        db.FollowUps.Add(followUp);
        await AuditTrail.SaveWithLineAsync(
            db, () => AuditTrail.Record(db, now, actor, AuditAction.FollowUpScheduled, AuditTrail.Case(caseId), found.Line, AuditPhrases.FollowUpScheduled.Format(followUp.Id, due.ToString("O", CultureInfo.InvariantCulture))), cancellationToken);
        logger.LogInformation("Follow-up {FollowUpId} scheduled on case {CaseId}", followUp.Id, caseId);
        await notifier.PublishAsync(new FollowUpChanged(followUp.Id, caseId, found.Line, actor.UserId, FollowUpEvent.Scheduled, due));
        return FollowUpView.From(followUp, now);
    }

    /// <summary>The owner called back (or tried): the follow-up leaves the lists.</summary>
    public async Task CompleteAsync(long followUpId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var followUp = await db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken)
            ?? throw new AccessDeniedException();
        var found = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == followUp.CaseId, cancellationToken);
        if (!CaseRules.MayRead(found, actor))
        {
            throw new AccessDeniedException();
        }

        if (found.OwnerId != actor.UserId)
        {
            throw new HelplineRuleException("Only the counsellor working this case can change it.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await AuditTrail.WriteWithLineAsync(
            db,
            async ct =>
            {
                var done = await db.FollowUps
                    .Where(f => f.Id == followUpId && f.Status == FollowUpStatus.Scheduled)
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.Status, FollowUpStatus.Done).SetProperty(f => f.DoneAt, now), ct);
                if (done != 1)
                {
                    throw new HelplineRuleException("This follow-up is already done.");
                }
            },
            () => AuditTrail.Record(db, now, actor, AuditAction.FollowUpDone, AuditTrail.Case(found.Id), found.Line, AuditPhrases.FollowUpDone.Format(followUpId)),
            cancellationToken);
        await notifier.PublishAsync(new FollowUpChanged(followUpId, found.Id, found.Line, actor.UserId, FollowUpEvent.Done, followUp.DueAt));
    }

    /// <summary>"My follow-ups": the actor's scheduled callbacks, soonest first.</summary>
    public async Task<IReadOnlyList<FollowUpView>> ListMineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var mine = await db.FollowUps.AsNoTracking()
            .Where(f => f.OwnerId == actor.UserId && f.Status == FollowUpStatus.Scheduled)
            .OrderBy(f => f.DueAt)
            .ToListAsync(cancellationToken);
        return mine.Select(f => FollowUpView.From(f, now)).ToList();
    }

    /// <summary>Overdue callbacks on the lines a supervisor supervises, most overdue first.</summary>
    public async Task<IReadOnlyList<FollowUpView>> ListOverdueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSupervisor)
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var lines = actor.Lines.ToList();
        var overdue = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Scheduled && f.DueAt <= now && lines.Contains(f.Line))
            .OrderBy(f => f.DueAt)
            .ToListAsync(cancellationToken);
        return overdue.Select(f => FollowUpView.From(f, now)).ToList();
    }

    /// <summary>A case's follow-ups, newest first, for whoever may read the case; also the case timeline's source.</summary>
    public async Task<IReadOnlyList<FollowUpView>> ListForCaseAsync(long caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await CaseService.LoadForReadAsync(db, caseId, actor, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.CaseId == caseId)
            .OrderByDescending(f => f.DueAt)
            .ToListAsync(cancellationToken);
        return followUps.Select(f => FollowUpView.From(f, now)).ToList();
    }
}
