using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Lines;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

/// <summary>
/// Issue 7: the wallboard groups and counts in SQLite. The row-by-row computation it replaced (every contact through
/// <see cref="ContactMetrics.Compute"/>, the queue and language coverage contact by contact) is the oracle, over a few
/// hundred seeded contacts with waits at and a tick either side of the thresholds, arrivals around local midnight and
/// exactly an hour ago, several languages, risks and urgency, on two lines.
/// </summary>
public sealed class WallboardGroupingTests : IAsyncDisposable
{
    // 19:30 UTC: 00:30 on 24 November in Almaty (today began after "an hour ago"), 01:30 in Bishkek (before it).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 19, 30, 0, TimeSpan.Zero));
    private readonly SqliteConnection _connection = TestDatabase.NewInMemoryConnection();
    private readonly ServiceProvider _services;

    public WallboardGroupingTests()
    {
        _connection.Open();
        _services = new ServiceCollection().AddInMemoryHelplineDatabase(_connection).BuildServiceProvider();
        TestDatabase.Migrate(_connection);
    }

    private IDbContextFactory<HelplineDbContext> Factory => _services.GetRequiredService<IDbContextFactory<HelplineDbContext>>();

    [Fact]
    public async Task The_wallboard_grouped_in_sqlite_shows_the_same_figures_as_counting_contact_by_contact()
    {
        var lines = TestLines.Catalog;
        var thresholds = new ThresholdService(Factory, new StaticOptions<WallboardOptions>(new()), lines, _clock, NullLogger<ThresholdService>.Instance);
        await thresholds.UpdateAsync("117", new LineThresholds(30, 80, 10, 60), TestActors.Admin());
        var presenceChanges = new PresenceNotifier(NullLogger<PresenceNotifier>.Instance);
        var presence = new PresenceService(presenceChanges, _clock, new StaticOptions<PresenceOptions>(new PresenceOptions { GraceSeconds = 30 }), NullLogger<PresenceService>.Instance);
        var online = new OnlineCounsellors(presence, presenceChanges);
        await presence.CircuitUpAsync(TestActors.Counsellor("aigerim", "Aigerim", "111"), new HashSet<string> { "kk" });
        var metrics = new WallboardMetrics(
            Factory, lines, thresholds, presence, online,
            new QueueNotifier(NullLogger<QueueNotifier>.Instance), new EscalationNotifier(NullLogger<EscalationNotifier>.Instance),
            presenceChanges, new WallboardNotifier(NullLogger<WallboardNotifier>.Instance), _clock,
            new StaticOptions<WallboardOptions>(new()), NullLogger<WallboardMetrics>.Instance);
        var contacts = await SeedAsync(lines, new Random(20261123));

        var snapshot = await metrics.ComputeAsync();

        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var line in lines.All)
        {
            var board = Assert.Single(snapshot.Lines, b => b.Line == line.Code);
            var limits = await thresholds.GetAsync(line.Code);
            var dayStart = LineDay.StartOfDay(line, now);
            var hourStart = now.AddHours(-1);
            var mine = contacts.Where(c => c.Line == line.Code).ToList();
            var facts = mine.Select(c => new ContactFacts(c.Channel, c.Status, c.ArrivedAt, c.ClaimedAt, c.AbandonedAt, c.Risk, c.Urgent)).ToList();
            var waiting = facts.Where(c => c.Status == ContactStatus.Waiting).ToList();
            Assert.True(facts.Count(c => c.ArrivedAt >= dayStart) > 100, $"only {facts.Count(c => c.ArrivedAt >= dayStart)} contacts today on {line.Code}");

            Assert.Equal(dayStart, board.TodayStartsAt);
            Assert.Equal(Queue(waiting), board.Queue);
            Assert.Equal(ContactMetrics.Compute(facts, limits, dayStart, DateTime.MaxValue), board.Today);
            Assert.Equal(ContactMetrics.Compute(facts, limits, hourStart, DateTime.MaxValue), board.LastHour);
            Assert.Equal(
                Enum.GetValues<ContactChannel>().Select(channel => new ChannelBoard(
                    channel,
                    Queue(waiting.Where(c => c.Channel == channel)),
                    ContactMetrics.Compute(facts.Where(c => c.Channel == channel), limits, dayStart, DateTime.MaxValue),
                    ContactMetrics.Compute(facts.Where(c => c.Channel == channel), limits, hourStart, DateTime.MaxValue))),
                board.Channels);
            var hours = new int[24];
            foreach (var contact in facts.Where(c => c.ArrivedAt >= dayStart))
            {
                hours[LineDay.LocalHour(line.TimeZone, contact.ArrivedAt)]++;
            }

            Assert.Equal(hours, board.ContactsPerHourToday);
            var uncovered = LanguageMatch.Uncovered(mine.Where(c => c.Status == ContactStatus.Waiting), c => (line.Code, c.Language), online.Current)
                .GroupBy(c => c.Language)
                .Select(g => new UncoveredLanguage(g.Key, g.Count()))
                .OrderByDescending(u => u.Waiting).ThenBy(u => u.Language, StringComparer.Ordinal)
                .ToList();
            Assert.NotEmpty(uncovered);
            Assert.Equal(uncovered, board.Uncovered);
        }
    }

    private static QueueFigures Queue(IEnumerable<ContactFacts> waiting)
    {
        var list = waiting.ToList();
        return new QueueFigures(
            list.Count,
            list.Count == 0 ? null : list.Min(c => c.ArrivedAt),
            list.Count(c => c.Risk >= RiskLevel.High),
            list.Count(c => c.Urgent));
    }

    /// <summary>Contacts on both lines from yesterday to now, many of them around local midnight and exactly an hour ago.</summary>
    private async Task<List<Contact>> SeedAsync(LineCatalog lines, Random random)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var languages = new[] { "kk", "ru", "ky", "uz", CallerLanguages.Undetermined };
        var waits = new[] { 0, 5, 10, 20, 30 }.SelectMany(s => new[] { s * 10_000_000L, s * 10_000_000L - 1, s * 10_000_000L + 1, s * 10_000_000L + 5_000_000 })
            .Append(-10_000_000L).ToArray();
        await using var db = await Factory.CreateDbContextAsync();
        var contacts = new List<Contact>();
        for (var i = 0; i < 800; i++)
        {
            var line = lines.All.ElementAt(random.Next(2));
            var midnight = LineDay.StartOfDay(line, now);
            var arrived = random.Next(5) switch
            {
                0 => midnight.AddTicks(random.NextInt64(-3, 4)),
                1 => now.AddHours(-1).AddTicks(random.NextInt64(-3, 4)),
                2 => midnight.AddTicks(random.NextInt64(-20_000_000, 20_000_000)),
                3 => now.AddTicks(-random.NextInt64(TimeSpan.TicksPerDay + TimeSpan.TicksPerHour)),
                _ => now.AddTicks(-random.NextInt64(2 * TimeSpan.TicksPerHour)),
            };
            var wait = random.Next(4) == 0 ? random.NextInt64(600_000_000) : waits[random.Next(waits.Length)];
            var status = (ContactStatus)random.Next(3);
            var contact = new Contact
            {
                Line = line.Code, Channel = (ContactChannel)random.Next(3), Gateway = "test", ExternalId = $"w{i}", From = "+77010000000",
                Language = languages[random.Next(languages.Length)], Risk = (RiskLevel)random.Next(4), Urgent = random.Next(5) == 0,
                Status = status, ArrivedAt = arrived, RequestFingerprint = $"f{i}",
                ClaimedAt = status == ContactStatus.Claimed && random.Next(20) > 0 ? arrived.AddTicks(wait) : null,
                AbandonedAt = status == ContactStatus.Abandoned && random.Next(20) > 0 ? arrived.AddTicks(wait) : null,
            };
            db.Contacts.Add(contact);
            contacts.Add(contact);
        }

        await db.SaveChangesAsync();
        return contacts;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
