using System.Diagnostics;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 2, durable intake: N gateway connections each posting distinct contacts back to back (closed loop) for the
/// duration. Then, with the app stopped, the database is read read-only (journal mode, synchronous, rows on disk), and
/// the disk's floor is measured in the same folder with a bare Microsoft.Data.Sqlite loop.
/// </summary>
public sealed class IntakeScenario(AppLauncher launcher, BenchOptions options) : IScenario
{
    private const int WarmUpContacts = 100;

    public string Name => "intake";

    public string Title => "2. Durable intake";

    public string Setup =>
        $"{options.IntakeConnections} gateway connections posting distinct contacts back to back for {options.Seconds} s (after {options.WarmUpSeconds} s of the same, unmeasured, then up to {options.SettleRounds} stretches of {BenchOptions.SettleSeconds} s more until the app's JIT is quiet); " +
        $"then a bare SQLite loop (1 row per transaction, WAL, one connection, Contacts schema) for {options.FloorSeconds} s per synchronous setting, same folder";

    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("rate", "acknowledged (201)", "contacts/s", Target.AtLeast(2000, "contacts/s"), 0),
        new("p50", "latency p50", "ms", Decimals: 1),
        new("p99", "latency p99", "ms", Decimals: 1),
        new("errors", "errors (not 201)", "", Decimals: 0),
        new("missing", "201s not on disk after stop", "", Target.NoMoreThan(0, ""), 0),
        new("floorFull", "floor, synchronous=FULL", "rows/s", Decimals: 0),
        new("floorNormal", "floor, synchronous=NORMAL", "rows/s", Decimals: 0),
        new("ratioFull", "app ÷ FULL floor", "×", Decimals: 2),
        new("ratioNormal", "app ÷ NORMAL floor", "×", Decimals: 2),
        .. CpuSample.Metrics(Environment.ProcessorCount),
        RuntimeProbe.SettleMetric,
        .. RuntimeProbe.Metrics,
        new("cpuPerContact", "app CPU per acknowledged contact", "ms", Decimals: 2),
    ];

    public IReadOnlyList<string> NotMeasured => [];

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var dataDir = new TempDir();
        var result = new RunResult();
        var bodies = new ContactBodies(Guid.NewGuid().ToString("N")[..8]);
        string? databasePath;
        var warmedUp = 0;
        (double Rate, List<double> Latencies, int Created, int Errors) load;
        await using (var app = await launcher.StartAsync(dataDir, cancellationToken))
        {
            databasePath = app.DatabasePath;
            using var gateway = new Gateway(app, options.IntakeConnections);
            for (var i = 0; i < WarmUpContacts; i++)
            {
                warmedUp += (await gateway.PostAsync(bodies.Next(), cancellationToken)).Created ? 1 : 0;
            }

            // The same load, unmeasured, while a just-started app's tiered JIT settles (bench/README.md, claims).
            var runtime = await RuntimeProbe.StartAsync(app, cancellationToken);
            await runtime.WarmUpAsync(options.WarmUpSeconds, options.SettleRounds, async seconds =>
                warmedUp += (await LoadAsync(gateway, bodies, TimeSpan.FromSeconds(seconds), cancellationToken)).Created, result, cancellationToken);
            await runtime.RestartAsync(cancellationToken);
            var cpu = CpuSample.Take(app);
            load = await LoadAsync(gateway, bodies, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
            var cpuAfter = CpuSample.Take(app);
            cpuAfter.Report(cpu, app, result);
            await runtime.ReportAsync(Stopwatch.GetElapsedTime(cpu.At, cpuAfter.At).TotalSeconds, result, cancellationToken);
        }

        load.Latencies.Sort();
        result.Values["rate"] = load.Rate;
        result.Values["p50"] = Stats.Percentile(load.Latencies, 50);
        result.Values["p99"] = Stats.Percentile(load.Latencies, 99);
        result.Values["errors"] = load.Errors;

        // CPU-seconds ÷ contacts: the figure that tells a cheaper intake from a quieter machine (both cores are shared).
        result.Values["cpuPerContact"] = result.Values.TryGetValue("appCpu", out var appCores) && load.Rate > 0
            ? appCores / load.Rate * 1000
            : double.NaN;

        if (databasePath is not null)
        {
            var probe = DatabaseProbe.Read(databasePath, AppProcess.GatewayName);
            result.Facts["app database journal_mode"] = probe.JournalMode;
            result.Facts["app database synchronous (a fresh connection; the app never sets it)"] = probe.Synchronous;
            result.Facts["SQLite compile-time synchronous defaults"] = probe.CompileDefaults;
            result.Values["missing"] = Math.Max(0, warmedUp + load.Created - probe.Rows);
        }

        var floor = TimeSpan.FromSeconds(options.FloorSeconds);
        result.Values["floorFull"] = SqliteFloor.RowsPerSecond(dataDir.Path, "FULL", floor);
        result.Values["floorNormal"] = SqliteFloor.RowsPerSecond(dataDir.Path, "NORMAL", floor);
        result.Values["ratioFull"] = load.Rate / result.Values["floorFull"];
        result.Values["ratioNormal"] = load.Rate / result.Values["floorNormal"];
        return result;
    }

    private async Task<(double Rate, List<double> Latencies, int Created, int Errors)> LoadAsync(
        Gateway gateway, ContactBodies bodies, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.IntakeConnections).Select(async _ =>
        {
            var latencies = new List<double>();
            var errors = 0;
            while (clock.Elapsed < duration)
            {
                var posted = await gateway.PostAsync(bodies.Next(), cancellationToken);
                if (posted.Created)
                {
                    latencies.Add(posted.Milliseconds);
                }
                else
                {
                    errors++;
                }
            }

            return (latencies, errors);
        }).ToArray();

        var done = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = done.SelectMany(d => d.latencies).ToList();
        return (all.Count / elapsed.TotalSeconds, all, all.Count, done.Sum(d => d.errors));
    }
}
