using System.Collections.Concurrent;
using System.Diagnostics;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 1, live push: N hub clients connected while a gateway posts contacts at a fixed rate (open loop: a post is
/// sent on schedule whether or not earlier ones have been answered). Latency per (client, contact) is the time from the
/// 201 reaching the gateway to that client receiving ContactQueued with the id of the 201's body.
/// </summary>
public sealed class PushScenario(AppLauncher launcher, BenchOptions options) : IScenario
{
    private const int WarmUpContacts = 50;
    private const int ClaimConnections = 20; // one per counsellor page: SignalR runs one invocation at a time per connection
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public string Name => "push";

    public string Title => "1. Live push";

    public string Setup =>
        $"{options.HubClients} hub clients (WebSockets, supervisor cookie, both lines), gateway posting {options.PushRate} contacts/s for {options.Seconds} s (after {options.WarmUpSeconds} s of the same, unmeasured, then up to {options.SettleRounds} stretches of {BenchOptions.SettleSeconds} s more until the app's JIT is quiet); latency from the 201 to ContactQueued at each client" +
        (options.QueuePages > 0
            ? $"; {options.QueuePages} counsellors' queue pages in headless Chromium (a browser context each, all languages, nice +{options.BrowserNice}, " +
              $"viewport sized for {options.QueueWindowRows} queue rows), latency from the 201 to the row in each page's DOM (MutationObserver)"
            : "") +
        (options.ClaimAfter is { } claimAfter
            ? $"; a counsellor pool ({ClaimConnections} hub connections, supervisor) claims each contact {claimAfter.TotalMilliseconds:N0} ms after its 201, first come first claimed, so the queue stays short"
            : "");

    public IReadOnlyList<Metric> Metrics =>
    [
        new("p50", "latency p50", "ms", Target.NoMoreThan(5, "ms"), 2),
        new("p95", "latency p95", "ms", Decimals: 2),
        new("p99", "latency p99", "ms", Target.NoMoreThan(50, "ms"), 2),
        new("max", "latency max", "ms", Decimals: 1),
        new("early", "pushes that arrived before the 201", "%", Decimals: 1),
        new("delivered", "delivered", "", Decimals: 0),
        new("expected", "expected (201s × clients)", "", Decimals: 0),
        new("rate", "posting rate achieved (schedule kept)", "contacts/s", Decimals: 1),
        new("postErrors", "post errors", "", Decimals: 0),
        .. QueuePages.Metrics(options.QueuePages),
        .. (options.ClaimAfter is null ? [] : ClaimMetrics),
        .. CpuSample.Metrics(Environment.ProcessorCount),
        RuntimeProbe.SettleMetric,
        .. RuntimeProbe.Metrics,
    ];

    private static readonly Metric[] ClaimMetrics =
    [
        new("waitingP50", "contacts waiting (201 answered, not yet claimed), sampled every 100 ms, p50", "", Decimals: 0),
        new("waitingMax", "contacts waiting, max", "", Decimals: 0),
        new("claimP50", "counsellor pool's claim call p50", "ms", Decimals: 1),
        new("claimP99", "counsellor pool's claim call p99", "ms", Decimals: 1),
        new("claimsWon", "claims won", "", Decimals: 0),
        new("claimsNotWon", "claims not won or failed (none expected)", "", Target.NoMoreThan(0, ""), 0),
    ];

    public IReadOnlyList<string> NotMeasured => options.QueuePages > 0
        ? []
        : ["counsellors' queue pages in Chromium (row in every page's DOM within 100 ms): switched off (--queue-pages 0 or --no-browser)."];

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var dataDir = new TempDir();
        await using var app = await launcher.StartAsync(dataDir, cancellationToken);
        var result = new RunResult();
        var cookies = await SignIn.AsAsync(app.BaseAddress, SignIn.Supervisor, SignIn.DemoPassword, cancellationToken);
        var listeners = await QueueListener.ConnectManyAsync(app.BaseAddress, cookies, options.HubClients, cancellationToken);
        QueuePages? pages = null;
        CounsellorPool? pool = null;
        try
        {
            if (options.ClaimAfter is { } claimAfter)
            {
                pool = await CounsellorPool.StartAsync(app.BaseAddress, cookies, ClaimConnections, claimAfter, cancellationToken);
            }

            using var gateway = new Gateway(app, connections: 32);
            var bodies = new ContactBodies(Guid.NewGuid().ToString("N")[..8]);

            // Warm-up: JIT and connection pools, outside the measured ids. The pages open while these wait (a page is
            // ready when it shows a row); then the pool claims them, so the load starts on an empty queue.
            var warmUps = new List<Posted>(WarmUpContacts);
            for (var i = 0; i < WarmUpContacts; i++)
            {
                warmUps.Add(await gateway.PostAsync(bodies.Next(), cancellationToken));
            }

            if (options.QueuePages > 0)
            {
                pages = await QueuePages.OpenAsync(app.BaseAddress, options.QueuePages, options.QueueWindowRows, options.BrowserNice, options.BrowserTrace, cancellationToken);
                result.Facts["queue pages"] = await pages.DescribeAsync();
            }

            if (pool is not null)
            {
                foreach (var warmUp in warmUps.Where(w => w.Created))
                {
                    pool.Arrived(warmUp.Id!.Value, warmUp.AnsweredAt);
                }

                await pool.DrainAsync(DrainTimeout, cancellationToken);
            }

            // A paced warm-up at the load's rate, unmeasured: a just-started app compiles its hot paths again
            // (tiered JIT) during its first seconds of load, as the claim race showed (bench/README.md, claims).
            var warmedUp = 0;
            var runtime = await RuntimeProbe.StartAsync(app, cancellationToken);
            await runtime.WarmUpAsync(options.WarmUpSeconds, options.SettleRounds, async seconds =>
            {
                var warming = new List<Task>();
                await PaceAsync(options.PushRate * seconds, () => warming.Add(WarmUpAsync(bodies.Next())));
                await Task.WhenAll(warming);
                await WaitForDeliveriesAsync(listeners, WarmUpContacts + warmedUp, cancellationToken);
                if (pool is not null)
                {
                    await pool.DrainAsync(DrainTimeout, cancellationToken);
                }
            }, result, cancellationToken);

            var answered = new ConcurrentDictionary<long, long>();
            var errors = 0;
            var errorKinds = new ConcurrentDictionary<string, int>();
            var total = options.PushRate * options.Seconds;
            var posts = new List<Task>(total);
            await runtime.RestartAsync(cancellationToken);
            var cpu = CpuSample.Take(app);
            var chromiumCpu = pages is null ? TimeSpan.Zero : BrowserPriority.ChromiumCpu();
            pool?.StartSampling(TimeSpan.FromMilliseconds(100));
            if (pages is not null)
            {
                await pages.LoadStartingAsync();
            }

            var postingTime = await PaceAsync(total, () => posts.Add(PostAsync(bodies.Next())));
            await Task.WhenAll(posts);
            var cpuAfter = CpuSample.Take(app);
            await runtime.ReportAsync(Stopwatch.GetElapsedTime(cpu.At, cpuAfter.At).TotalSeconds, result, cancellationToken);
            if (pages is not null)
            {
                await pages.LoadEndedAsync();
            }

            if (pages is not null)
            {
                result.Values["chromiumCpu"] = (BrowserPriority.ChromiumCpu() - chromiumCpu).TotalSeconds / Stopwatch.GetElapsedTime(cpu.At, cpuAfter.At).TotalSeconds;
            }

            pool?.StopSampling();
            await WaitForDeliveriesAsync(listeners, WarmUpContacts + warmedUp + answered.Count, cancellationToken);
            Measure(listeners, answered, errors, postingTime, result);
            if (pool is not null)
            {
                await pool.DrainAsync(DrainTimeout, cancellationToken);
                MeasureClaims(pool, result);
            }

            if (pages is not null)
            {
                await pages.MeasureAsync(answered, result, cancellationToken);
            }

            cpuAfter.Report(cpu, app, result);
            if (!errorKinds.IsEmpty)
            {
                result.Facts["post errors by kind"] = string.Join("; ", errorKinds.OrderByDescending(e => e.Value).Take(3).Select(e => $"{e.Value} × {e.Key}"));
            }

            return result;

            // Starts `count` posts at the push rate (each `start` call starts one) and returns how long starting them took.
            async Task<TimeSpan> PaceAsync(int count, Action start)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                {
                    var wait = TimeSpan.FromSeconds(i / (double)options.PushRate) - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, cancellationToken);
                    }

                    start();
                }

                return clock.Elapsed;
            }

            async Task WarmUpAsync(byte[] body)
            {
                var posted = await gateway.PostAsync(body, cancellationToken);
                if (posted.Created)
                {
                    Interlocked.Increment(ref warmedUp);
                    pool?.Arrived(posted.Id!.Value, posted.AnsweredAt);
                }
            }

            async Task PostAsync(byte[] body)
            {
                var posted = await gateway.PostAsync(body, cancellationToken);
                if (posted.Created)
                {
                    answered[posted.Id!.Value] = posted.AnsweredAt;
                    pool?.Arrived(posted.Id!.Value, posted.AnsweredAt);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    errorKinds.AddOrUpdate(posted.Error ?? $"HTTP {posted.Status}", 1, (_, n) => n + 1);
                }
            }
        }
        finally
        {
            if (pool is not null)
            {
                await pool.DisposeAsync();
            }

            if (pages is not null)
            {
                await pages.DisposeAsync();
            }

            await Task.WhenAll(listeners.Select(l => l.DisposeAsync().AsTask()));
        }
    }

    private static async Task WaitForDeliveriesAsync(QueueListener[] listeners, int perListener, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < DrainTimeout && listeners.Any(l => l.Count < perListener))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static void MeasureClaims(CounsellorPool pool, RunResult result)
    {
        var waiting = pool.WaitingSamples();
        var claims = pool.ClaimLatencies();
        result.Values["waitingP50"] = Stats.Percentile(waiting, 50);
        result.Values["waitingMax"] = waiting.Count > 0 ? waiting[^1] : double.NaN;
        result.Values["claimP50"] = Stats.Percentile(claims, 50);
        result.Values["claimP99"] = Stats.Percentile(claims, 99);
        result.Values["claimsWon"] = pool.Won;
        result.Values["claimsNotWon"] = pool.NotWon + pool.Errors + pool.Waiting;
    }

    private void Measure(QueueListener[] listeners, ConcurrentDictionary<long, long> answered, int errors, TimeSpan postingTime, RunResult result)
    {
        var latencies = new List<double>(answered.Count * listeners.Length);
        var early = 0;
        foreach (var listener in listeners)
        {
            foreach (var (id, at) in listener.Received())
            {
                if (answered.TryGetValue(id, out var answeredAt))
                {
                    var ms = Stopwatch.GetElapsedTime(answeredAt, at).TotalMilliseconds;
                    early += ms < 0 ? 1 : 0;

                    // The app publishes before it answers, so a push can beat the 201: that is a latency of zero.
                    latencies.Add(Math.Max(0, ms));
                }
            }
        }

        latencies.Sort();
        result.Values["p50"] = Stats.Percentile(latencies, 50);
        result.Values["p95"] = Stats.Percentile(latencies, 95);
        result.Values["p99"] = Stats.Percentile(latencies, 99);
        result.Values["max"] = latencies.Count > 0 ? latencies[^1] : double.NaN;
        result.Values["early"] = latencies.Count > 0 ? 100.0 * early / latencies.Count : double.NaN;
        result.Values["delivered"] = latencies.Count;
        result.Values["expected"] = (double)answered.Count * listeners.Length;
        result.Values["rate"] = (options.PushRate * options.Seconds - 1) / postingTime.TotalSeconds;
        result.Values["postErrors"] = errors;
    }
}
