using HelplineDashboard.Common;
using HelplineDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.FollowUps;

/// <summary>
/// The one background service that announces follow-ups as they fall due: it sleeps on the <see cref="TimeProvider"/>
/// until the next due time (or until a new follow-up is scheduled), publishes <see cref="FollowUpEvent.Due"/> for each
/// one that is due and marks it announced, so each is announced once even across restarts. Pages only listen.
/// </summary>
public sealed class FollowUpDueMonitor(
    IDbContextFactory<HelplineDbContext> dbFactory,
    FollowUpNotifier notifier,
    TimeProvider time,
    ILogger<FollowUpDueMonitor> logger) : WakeableLoopService(time, logger)
{
    /// <summary>The longest sleep, so a clock change never leaves a follow-up unannounced for long.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(5);

    protected override IDisposable SubscribeWakeUps() =>
        notifier.Subscribe(change =>
        {
            if (change.Event == FollowUpEvent.Scheduled)
            {
                Wake();
            }

            return Task.CompletedTask;
        });

    protected internal override Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken) => AnnounceDueAsync(cancellationToken);

    /// <summary>Announces every due follow-up not announced yet; returns how long until the next one is due.</summary>
    public async Task<TimeSpan> AnnounceDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Scheduled && f.DueNotifiedAt == null && f.DueAt <= now)
            .OrderBy(f => f.DueAt)
            .ToListAsync(cancellationToken);
        foreach (var followUp in due)
        {
            var marked = await db.FollowUps
                .Where(f => f.Id == followUp.Id && f.DueNotifiedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.DueNotifiedAt, now), cancellationToken);
            if (marked == 1)
            {
                await notifier.PublishAsync(new FollowUpChanged(followUp.Id, followUp.CaseId, followUp.Line, followUp.OwnerId, FollowUpEvent.Due, followUp.DueAt));
            }
        }

        var next = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Scheduled && f.DueNotifiedAt == null)
            .OrderBy(f => f.DueAt)
            .Select(f => (DateTime?)f.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is not { } nextDue)
        {
            return MaxSleep;
        }

        var wait = nextDue - Time.GetUtcNow().UtcDateTime;
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait < MaxSleep ? wait : MaxSleep;
    }
}
