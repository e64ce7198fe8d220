using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Lines;
using HelplineDashboard.Features.Reports;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Data;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelplineDashboard.Tests.Unit;

/// <summary>
/// The report groups and counts in SQLite; ContactMetrics.Tally over the same contacts, grouped by local day in .NET,
/// is the oracle. Random contacts with a fixed seed, with waits exactly at and around the thresholds and arrivals around
/// local midnight (and, on a line in a daylight-saving zone, around the clock change).
/// </summary>
public sealed class ReportGroupingTests : IAsyncDisposable
{
    private static readonly DateOnly From = new(2026, 3, 24);
    private static readonly DateOnly To = new(2026, 4, 2);
    private readonly SqliteConnection _connection = TestDatabase.NewInMemoryConnection();
    private readonly ServiceProvider _services;

    public ReportGroupingTests()
    {
        _connection.Open();
        _services = new ServiceCollection().AddInMemoryHelplineDatabase(_connection).BuildServiceProvider();
        TestDatabase.Migrate(_connection);
    }

    private IDbContextFactory<HelplineDbContext> Factory => _services.GetRequiredService<IDbContextFactory<HelplineDbContext>>();

    [Theory]
    [InlineData("Asia/Bishkek")]
    [InlineData("Europe/Berlin")] // no helpline's zone today: a clock change on 29 March inside the range
    public async Task The_report_counts_as_the_tally_does_per_local_day_category_and_contact(string zoneOf117)
    {
        var lines = new LineCatalog(new Dictionary<string, LineOptions>
        {
            ["111"] = new() { Name = "111", Country = "KZ", TimeZone = "Asia/Almaty", Languages = ["kk"] },
            ["117"] = new() { Name = "117", Country = "KG", TimeZone = zoneOf117, Languages = ["ky"] },
        });
        var audit = new AuditLog(Factory, TimeProvider.System);
        var thresholds = new ThresholdService(Factory, new StaticOptions<WallboardOptions>(new()), lines, TimeProvider.System, NullLogger<ThresholdService>.Instance);
        await thresholds.UpdateAsync("117", new LineThresholds(30, 80, 10, 60), TestActors.Admin());
        var contacts = await SeedAsync(lines, new Random(20261123));
        var reports = new ReportService(Factory, lines, thresholds, audit);
        var supervisor = TestActors.Supervisor("s1", "Dana", "111", "117");

        var report = await reports.RunAsync(new ReportFilter(From, To), supervisor);
        var physical = await reports.RunAsync(new ReportFilter(From, To, Category: "Physical"), supervisor);
        var none = await reports.RunAsync(new ReportFilter(From, To, Category: ReportService.NoCategory), supervisor);

        var expected = new Dictionary<(DateOnly, string, ContactChannel, string, string, RiskLevel, string), ContactMetrics.Tally>();
        var total = new ContactMetrics.Tally();
        var totalPhysical = new ContactMetrics.Tally();
        var totalNone = new ContactMetrics.Tally();
        foreach (var (contact, line, categories) in contacts)
        {
            var day = DateOnly.FromDateTime(line.ToLocal(contact.ArrivedAt));
            if (day < From || day > To)
            {
                continue;
            }

            var limits = await thresholds.GetAsync(line.Code);
            var facts = new ContactFacts(contact.Channel, contact.Status, contact.ArrivedAt, contact.ClaimedAt, contact.AbandonedAt, contact.Case?.Risk ?? contact.Risk, contact.Urgent);
            foreach (var category in categories.DefaultIfEmpty(ReportService.NoCategory))
            {
                var key = (day, line.Code, contact.Channel, contact.Region ?? ReportService.NoRegion, category, facts.Risk, contact.Case?.Outcome?.ToString() ?? ReportService.NoOutcome);
                (expected.TryGetValue(key, out var tally) ? tally : expected[key] = new ContactMetrics.Tally()).Add(facts, limits);
            }

            total.Add(facts, limits);
            if (categories.Contains("Physical"))
            {
                totalPhysical.Add(facts, limits);
            }

            if (categories.Count == 0)
            {
                totalNone.Add(facts, limits);
            }
        }

        var expectedRows = expected.Select(e => ToRow(e.Key, e.Value.Figures())).ToHashSet();
        Assert.True(expectedRows.Count > 500, $"only {expectedRows.Count} groups");
        Assert.Equal(expectedRows.Count, report.Rows.Count);
        Assert.All(report.Rows, row => Assert.Contains(row, expectedRows));
        AssertSame(total.Figures(), report.Totals);
        AssertSame(totalPhysical.Figures(), physical.Totals);
        AssertSame(totalNone.Figures(), none.Totals);
        Assert.All(report.Breakdowns.Where(b => b.Dimension != ReportDimensions.Category), b => Assert.Equal(report.Totals.Offered, b.Groups.Sum(g => g.Figures.Offered)));
    }

    /// <summary>Totals are sums of rows: the same counts, the answer time up to the rounding of adding rows' seconds.</summary>
    private static void AssertSame(PeriodFigures expected, PeriodFigures actual)
    {
        Assert.Equal(expected with { AverageSpeedOfAnswerSeconds = null }, actual with { AverageSpeedOfAnswerSeconds = null });
        Assert.Equal(expected.AverageSpeedOfAnswerSeconds ?? 0, actual.AverageSpeedOfAnswerSeconds ?? 0, 9);
    }

    private static ReportRow ToRow((DateOnly Day, string Line, ContactChannel Channel, string Region, string Category, RiskLevel Risk, string Outcome) key, PeriodFigures f) =>
        new(key.Day, key.Line, key.Channel, key.Region, key.Category, key.Risk, key.Outcome,
            f.Offered, f.Answered, f.Abandoned, f.ShortAbandoned, f.AnsweredWithinThreshold, (f.AverageSpeedOfAnswerSeconds ?? 0) * f.Answered);

    /// <summary>4,000 contacts on both lines over the range and a day either side; a case for most answered ones.</summary>
    private async Task<List<(Contact Contact, Line Line, List<string> Categories)>> SeedAsync(LineCatalog lines, Random random)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var categories = await db.Categories.Where(c => c.Name == "Physical" || c.Name == "Psychological" || c.Name == "School").ToListAsync();
        var seeded = new List<(Contact Contact, Line Line, List<Category> Chosen)>();
        var waits = new[] { 0, 5, 10, 20, 30 }.SelectMany(s => new[] { s * 10_000_000L, s * 10_000_000L - 1, s * 10_000_000L + 1, s * 10_000_000L + 5_000_000 })
            .Append(-10_000_000L).Append(599_999_999L).ToArray();
        for (var i = 0; i < 4000; i++)
        {
            var line = lines.All.ElementAt(random.Next(2));
            var day = From.AddDays(random.Next(-1, To.DayNumber - From.DayNumber + 2));
            var midnight = LineDay.ToUtc(line.TimeZone, day.ToDateTime(TimeOnly.MinValue));
            var arrived = random.Next(3) switch
            {
                0 => midnight.AddTicks(random.NextInt64(-20_000_000, 20_000_000)),
                1 => new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(-20_000_000, 20_000_000)),
                _ => midnight.AddTicks(random.NextInt64(TimeSpan.TicksPerDay)),
            };
            var wait = random.Next(4) == 0 ? random.NextInt64(1_200_000_000) : waits[random.Next(waits.Length)];
            var status = (ContactStatus)random.Next(3);
            var contact = new Contact
            {
                Line = line.Code, Channel = (ContactChannel)random.Next(3), Gateway = "test", ExternalId = $"r{i}", From = "+77010000000",
                Language = "ru", Region = random.Next(4) == 0 ? null : $"Region {random.Next(3)}", Risk = (RiskLevel)random.Next(4),
                Status = status, ArrivedAt = arrived, RequestFingerprint = $"f{i}",
                ClaimedAt = status == ContactStatus.Claimed && random.Next(20) > 0 ? arrived.AddTicks(wait) : null,
                AbandonedAt = status == ContactStatus.Abandoned && random.Next(20) > 0 ? arrived.AddTicks(wait) : null,
            };
            var chosen = new List<Category>();
            if (status == ContactStatus.Claimed && random.Next(10) > 0)
            {
                var closed = random.Next(2) == 0;
                contact.Case = new Case
                {
                    Line = line.Code, OwnerId = "c1", OwnerName = "Aigerim", OpenedAt = arrived, Risk = (RiskLevel)random.Next(4),
                    Status = closed ? CaseStatus.Closed : CaseStatus.Open, Outcome = closed ? (CaseOutcome)random.Next(7) : null,
                };
                chosen = categories.OrderBy(_ => random.Next()).Take(random.Next(3)).ToList();
            }

            db.Contacts.Add(contact);
            seeded.Add((contact, line, chosen));
        }

        await db.SaveChangesAsync();
        db.CaseCategories.AddRange(seeded.SelectMany(s => s.Chosen.Select(c => new CaseCategory { CaseId = s.Contact.CaseId!.Value, CategoryId = c.Id })));
        await db.SaveChangesAsync();
        return seeded.Select(s => (s.Contact, s.Line, s.Chosen.Select(c => c.Name).ToList())).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
