using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

/// <summary>The one timer that announces follow-ups as they fall due, on a fake clock.</summary>
public sealed class FollowUpDueMonitorTests : IAsyncDisposable
{
    private readonly SqliteConnection _connection = TestDatabase.NewInMemoryConnection();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly FollowUpNotifier _notifier = new(NullLogger<FollowUpNotifier>.Instance);
    private readonly FollowUpDueMonitor _monitor;
    private readonly List<FollowUpChanged> _announced = [];

    public FollowUpDueMonitorTests()
    {
        _connection.Open();
        _services = new ServiceCollection().AddInMemoryHelplineDatabase(_connection).BuildServiceProvider();
        TestDatabase.Migrate(_connection);
        _monitor = new FollowUpDueMonitor(Factory, _notifier, _clock, NullLogger<FollowUpDueMonitor>.Instance);
        _notifier.Subscribe(change =>
        {
            lock (_announced)
            {
                _announced.Add(change);
            }

            return Task.CompletedTask;
        });
    }

    private IDbContextFactory<HelplineDbContext> Factory => _services.GetRequiredService<IDbContextFactory<HelplineDbContext>>();

    private List<FollowUpChanged> Due()
    {
        lock (_announced)
        {
            return _announced.Where(a => a.Event == FollowUpEvent.Due).ToList();
        }
    }

    private async Task<long> ScheduleAsync(TimeSpan fromNow)
    {
        await using var db = Factory.CreateDbContext();
        var owned = new Case { Line = "111", OwnerId = "c1", OwnerName = "Aigerim", OpenedAt = _clock.GetUtcNow().UtcDateTime };
        db.Cases.Add(owned);
        await db.SaveChangesAsync();
        var followUp = new FollowUp { CaseId = owned.Id, Line = "111", OwnerId = "c1", DueAt = _clock.GetUtcNow().UtcDateTime + fromNow, CreatedAt = _clock.GetUtcNow().UtcDateTime };
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync();
        return followUp.Id;
    }

    [Fact]
    public async Task A_follow_up_is_announced_once_when_it_falls_due_and_not_before()
    {
        var id = await ScheduleAsync(TimeSpan.FromMinutes(10));

        var sleep = await _monitor.AnnounceDueAsync();
        Assert.Equal(TimeSpan.FromMinutes(5), sleep);
        Assert.Empty(Due());

        _clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(TimeSpan.FromMinutes(3), await _monitor.AnnounceDueAsync());
        Assert.Empty(Due());

        _clock.Advance(TimeSpan.FromMinutes(3));
        await _monitor.AnnounceDueAsync();
        await _monitor.AnnounceDueAsync();

        var due = Assert.Single(Due());
        Assert.Equal(id, due.FollowUpId);
        Assert.Equal("c1", due.OwnerId);
    }

    [Fact]
    public async Task The_running_monitor_announces_on_the_clock_without_any_page_asking()
    {
        await _monitor.StartAsync(CancellationToken.None);
        try
        {
            var id = await ScheduleAsync(TimeSpan.FromMinutes(2));
            await _notifier.PublishAsync(new FollowUpChanged(id, 0, "111", "c1", FollowUpEvent.Scheduled, default));

            // Moves the fake clock on a little at a time until the monitor, sleeping on it, wakes and announces.
            await Eventually.MatchAsync(
                () =>
                {
                    _clock.Advance(TimeSpan.FromSeconds(10));
                    return Task.FromResult(Due());
                },
                due => due.Any(d => d.FollowUpId == id),
                TimeSpan.FromSeconds(20),
                "follow-up announced");
            Assert.Single(Due(), d => d.FollowUpId == id);
        }
        finally
        {
            await _monitor.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _monitor.Dispose();
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
