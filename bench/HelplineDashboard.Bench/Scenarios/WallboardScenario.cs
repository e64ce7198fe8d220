using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Bogus;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Issue 5, scale: a year of history (1,000,000 contacts, Bogus, with a closed case for every answered one) is written
/// into the app's database; then the app is started on it and measured: how long one wallboard computation takes (the
/// app reports it in every snapshot), how long from a gateway's 201 to the wallboard push that counts the contact, and
/// a 30-day report as CSV for both lines.
/// </summary>
public sealed class WallboardScenario(AppLauncher launcher) : IScenario
{
    public const int HistoryContacts = 1_000_000;
    private const int Samples = 20;
    private const int ReportSamples = 5;
    private static readonly string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public string Name => "wallboard";

    public string Title => "Issue 5. Wallboard and reports with a year of history";

    public string Setup =>
        $"{HistoryContacts:#,0} contacts over 365 days on 111 and 117 (Bogus), a closed case per answered contact; app started on that database; " +
        $"{Samples} contacts posted one at a time with the supervisor's /hubs/metrics open; {ReportSamples} × GET /reports/export.csv for the last 30 days, both lines";

    public IReadOnlyList<Metric> Metrics => launcher.StartsApps
        ?
        [
            new("compute", "today's wallboard, one computation (median)", "ms", Target.NoMoreThan(50, "ms"), 1),
            new("computeMax", "today's wallboard, slowest computation", "ms", Decimals: 1),
            new("push", "201 to the wallboard push counting it (median)", "ms", Decimals: 1),
            new("report", "30-day report as CSV (median)", "ms", Target.NoMoreThan(1000, "ms"), 0),
            new("reportRows", "30-day report CSV rows", "", Decimals: 0),
            new("today", "contacts today (both lines)", "", Decimals: 0),
            new("seed", "seeding the history", "s", Decimals: 1),
        ]
        : [];

    public IReadOnlyList<string> NotMeasured => launcher.StartsApps
        ? []
        : ["wallboard scale: the harness must write the history into the app's database; not measured with --url."];

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var dataDir = new TempDir();
        string databasePath;
        await using (var first = (AppProcess)await launcher.StartAsync(dataDir, cancellationToken))
        {
            databasePath = first.DatabasePath; // migrations and demo accounts; stopped before seeding
        }

        var result = new RunResult();
        var seedClock = Stopwatch.StartNew();
        var today = Seed(databasePath, DateTime.UtcNow);
        result.Values["seed"] = seedClock.Elapsed.TotalSeconds;
        result.Values["today"] = today;

        await using var app = (AppProcess)await launcher.StartAsync(dataDir, cancellationToken);
        var cookies = await SignIn.AsAsync(app.BaseAddress, SignIn.Supervisor, SignIn.DemoPassword, cancellationToken);
        var pushes = Channel.CreateUnbounded<(JsonElement Metrics, long At)>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/metrics"), options => options.Cookies = cookies)
            .Build();
        hub.On<JsonElement>("MetricsUpdated", metrics => pushes.Writer.TryWrite((metrics, Stopwatch.GetTimestamp())));
        await hub.StartAsync(cancellationToken);
        var waiting = Waiting((await NextAsync(pushes.Reader, _ => true, cancellationToken)).Metrics);

        using var gateway = new Gateway(app, connections: 1);
        var bodies = new ContactBodies(Guid.NewGuid().ToString("N")[..8]);
        var computes = new List<double>();
        var latencies = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var posted = await gateway.PostAsync(bodies.Create(i * 2), cancellationToken); // even: line 111
            if (!posted.Created)
            {
                throw new InvalidOperationException($"Posting a contact failed: {posted.Status} {posted.Error}");
            }

            var expected = waiting + 1;
            var push = await NextAsync(pushes.Reader, m => Waiting(m) >= expected, cancellationToken);
            waiting = Waiting(push.Metrics);
            latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(posted.AnsweredAt, push.At).TotalMilliseconds));
            computes.Add(push.Metrics.GetProperty("computeMilliseconds").GetDouble());
        }

        result.Values["compute"] = Stats.Median(computes);
        result.Values["computeMax"] = computes.Max();
        result.Values["push"] = Stats.Median(latencies);

        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var to = DateTime.UtcNow.Date;
        var url = $"reports/export.csv?from={to.AddDays(-29):yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var reports = new List<double>();
        for (var i = 0; i < ReportSamples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(url, cancellationToken);
            var csv = await response.Content.ReadAsStringAsync(cancellationToken);
            reports.Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The report answered {(int)response.StatusCode}.");
            }

            result.Values["reportRows"] = csv.Count(c => c == '\n') - 1;
        }

        result.Values["report"] = Stats.Median(reports);
        result.Facts["reports"] = string.Join(", ", reports.Select(r => r.ToString("0", CultureInfo.InvariantCulture)));
        return result;
    }

    private static int Waiting(JsonElement metrics) =>
        metrics.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == "111")
            .GetProperty("queue").GetProperty("waiting").GetInt32();

    private static async Task<(JsonElement Metrics, long At)> NextAsync(
        ChannelReader<(JsonElement Metrics, long At)> reader, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var push in reader.ReadAllAsync(timeout.Token))
        {
            if (push.Metrics.GetProperty("lines").GetArrayLength() > 0 && match(push.Metrics))
            {
                return push;
            }
        }

        throw new InvalidOperationException("The metrics hub closed.");
    }

    /// <summary>
    /// Writes the history straight into SQLite (one transaction); returns how many contacts arrived today. The caller
    /// column carries the encrypted prefix and a caller key, so the app's start-up backfill leaves the rows alone; the
    /// wallboard and reports never read it.
    /// </summary>
    private static int Seed(string databasePath, DateTime nowUtc)
    {
        var random = new Randomizer(20261123);
        string[][] regions =
        [
            ["Abai", "Akmola", "Aktobe", "Almaty Region", "Atyrau", "Karaganda", "Astana", "Almaty", "Shymkent", "Turkistan"],
            ["Batken", "Chüy", "Issyk-Kul", "Jalal-Abad", "Naryn", "Osh Region", "Talas", "Bishkek", "Osh"],
        ];
        string[] outcomes = ["InformationProvided", "PsychologicalSupport", "LegalAdvice", "ReferredToService", "EscalatedToEmergencyServices", "CallerDisconnected"];
        string[] channels = ["Voice", "Sms", "Chat"];
        var start = nowUtc.AddDays(-365);
        var span = (nowUtc - start).Ticks;
        var todayStart = nowUtc.Date.AddHours(-5); // about Almaty's midnight; only for the reported count
        var today = 0;

        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insertCase = connection.CreateCommand();
        insertCase.Transaction = transaction;
        insertCase.CommandText =
            "INSERT INTO Cases (Id, Line, OwnerId, OwnerName, Status, Risk, OpenedAt, ClosedAt, Outcome) " +
            "VALUES ($id, $line, 'seed-counsellor', 'Seed counsellor', 'Closed', $risk, $opened, $closed, $outcome)";
        var caseParameters = new[] { "$id", "$line", "$risk", "$opened", "$closed", "$outcome" }
            .ToDictionary(n => n, n => insertCase.Parameters.Add(new SqliteParameter { ParameterName = n }));
        using var insertContact = connection.CreateCommand();
        insertContact.Transaction = transaction;
        insertContact.CommandText =
            "INSERT INTO Contacts (Line, Channel, Gateway, ExternalId, \"From\", CallerKey, Language, Region, Urgent, Risk, Status, " +
            "ArrivedAt, ClaimedAt, ClaimedById, ClaimedByName, AbandonedAt, CaseId, RequestFingerprint) " +
            "VALUES ($line, $channel, 'seed', $external, 'enc1:seed', 'seed', $language, $region, $urgent, $risk, $status, " +
            "$arrived, $claimed, $claimedBy, $claimedByName, $abandoned, $case, 'seed')";
        var contactParameters = new[] { "$line", "$channel", "$external", "$language", "$region", "$urgent", "$risk", "$status", "$arrived", "$claimed", "$claimedBy", "$claimedByName", "$abandoned", "$case" }
            .ToDictionary(n => n, n => insertContact.Parameters.Add(new SqliteParameter { ParameterName = n }));

        long caseId = 0;
        for (var i = 0; i < HistoryContacts; i++)
        {
            var onKazakhLine = random.Bool(0.6f);
            var line = onKazakhLine ? "111" : "117";
            var arrived = start.AddTicks((long)(random.Double() * span));
            today += arrived >= todayStart ? 1 : 0;
            var risk = random.WeightedRandom([0, 1, 2, 3], [0.6f, 0.25f, 0.12f, 0.03f]);
            var roll = random.Double();
            var status = roll < 0.85 ? "Claimed" : "Abandoned";
            DateTime? claimed = status == "Claimed" ? arrived.AddSeconds(random.Double(1, 90)) : null;
            DateTime? abandoned = status == "Abandoned" ? arrived.AddSeconds(random.Double(0.5, 240)) : null;
            long? caseOf = null;
            if (claimed is { } at)
            {
                caseOf = ++caseId;
                caseParameters["$id"].Value = caseId;
                caseParameters["$line"].Value = line;
                caseParameters["$risk"].Value = risk;
                caseParameters["$opened"].Value = at.ToString(DateFormat, CultureInfo.InvariantCulture);
                caseParameters["$closed"].Value = at.AddMinutes(random.Double(3, 40)).ToString(DateFormat, CultureInfo.InvariantCulture);
                caseParameters["$outcome"].Value = random.ArrayElement(outcomes);
                insertCase.ExecuteNonQuery();
            }

            contactParameters["$line"].Value = line;
            contactParameters["$channel"].Value = random.ArrayElement(channels);
            contactParameters["$external"].Value = $"seed-{i}";
            contactParameters["$language"].Value = random.Bool() ? "ru" : onKazakhLine ? "kk" : "ky";
            contactParameters["$region"].Value = random.Bool(0.9f) ? random.ArrayElement(regions[onKazakhLine ? 0 : 1]) : DBNull.Value;
            contactParameters["$urgent"].Value = random.Bool(0.05f) ? 1 : 0;
            contactParameters["$risk"].Value = risk;
            contactParameters["$status"].Value = status;
            contactParameters["$arrived"].Value = arrived.ToString(DateFormat, CultureInfo.InvariantCulture);
            contactParameters["$claimed"].Value = claimed?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? (object)DBNull.Value;
            contactParameters["$claimedBy"].Value = claimed is null ? DBNull.Value : "seed-counsellor";
            contactParameters["$claimedByName"].Value = claimed is null ? DBNull.Value : "Seed counsellor";
            contactParameters["$abandoned"].Value = abandoned?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? (object)DBNull.Value;
            contactParameters["$case"].Value = caseOf ?? (object)DBNull.Value;
            insertContact.ExecuteNonQuery();
        }

        transaction.Commit();
        return today;
    }
}
