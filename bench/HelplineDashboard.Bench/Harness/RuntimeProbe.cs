using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Bench.Results;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// What the app's GC and JIT took of a load: the app's own counters (<c>GET /diagnostics/runtime</c>, Development only,
/// switched on for apps the harness starts) read before and after it. Collections and pause time tell a tail made by GC
/// pauses from one made by queueing. The JIT's figures tell whether a warm-up was long enough. With <c>--url</c> they
/// are read if that app was started with them (see bench/README.md, "The app on its own machine").
/// </summary>
public sealed class RuntimeProbe
{
    private readonly HttpClient? _http;
    private Reading? _start;

    private RuntimeProbe(HttpClient? http, Reading? start)
    {
        _http = http;
        _start = start;
    }

    public static IEnumerable<Metric> Metrics =>
    [
        new("gcPause", "app GC pauses during load (share of wall time)", "%", Decimals: 1),
        new("gcCollections", "app GC collections during load (all generations)", "", Decimals: 0),
        new("allocated", "app allocations during load", "MB/s", Decimals: 0),
        new("jitMethods", "app methods JIT-compiled during load (0 once warmed up)", "", Decimals: 0),
    ];

    /// <summary>
    /// Signs in as the demo supervisor and takes the first reading. An app the harness started always has the counters
    /// switched on. One given with <c>--url</c> is read only if the demo supervisor can sign in there and the endpoint
    /// answers (it is not mapped when switched off); otherwise the load runs without the counters, as intake against such
    /// an app needs no account at all.
    /// </summary>
    public static async Task<RuntimeProbe> StartAsync(IAppTarget app, CancellationToken cancellationToken)
    {
        CookieContainer cookies;
        try
        {
            cookies = await SignIn.AsAsync(app.BaseAddress, SignIn.Supervisor, SignIn.DemoPassword, cancellationToken);
        }
        catch (InvalidOperationException) when (app.ProcessId is null)
        {
            return new RuntimeProbe(null, null);
        }

        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (app.ProcessId is null && !await AnswersAsync(http, cancellationToken))
        {
            http.Dispose();
            return new RuntimeProbe(null, null);
        }

        return new RuntimeProbe(http, await ReadAsync(http, cancellationToken));
    }

    /// <summary>Push and intake: how many settling stretches followed the fixed warm-up.</summary>
    public static Metric SettleMetric { get; } =
        new("settleRounds", $"settling stretches of load until the JIT was quiet ({BenchOptions.SettleSeconds} s each, unmeasured)", "", Decimals: 0);

    /// <summary>
    /// Push and intake's warm-up: <paramref name="load"/> for <paramref name="warmUpSeconds"/>, then for
    /// <see cref="BenchOptions.SettleSeconds"/> at a time (see <see cref="SettleAsync"/>), and reports the methods
    /// compiled in each stretch. Without the counters (an app given with <c>--url</c> that was started without them) only the fixed warm-up runs.
    /// </summary>
    public async Task WarmUpAsync(int warmUpSeconds, int settleRounds, Func<int, Task> load, RunResult result, CancellationToken cancellationToken)
    {
        if (warmUpSeconds <= 0)
        {
            return;
        }

        if (_http is null)
        {
            await load(warmUpSeconds);
            return;
        }

        var compiled = await SettleAsync(settleRounds + 1, round => load(round == 1 ? warmUpSeconds : BenchOptions.SettleSeconds), cancellationToken);
        result.Values["settleRounds"] = compiled.Count - 1;
        result.Facts[$"warm-up ({warmUpSeconds} s, then {BenchOptions.SettleSeconds} s stretches until the JIT is quiet): methods JIT-compiled in each"] =
            string.Join(", ", compiled.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Runs <paramref name="stretch"/> (given its round, from 1) at most <paramref name="rounds"/> times, each followed by
    /// an idle moment for the JIT, until one leaves the JIT fewer than <see cref="BenchOptions.SettledJitMethods"/> methods
    /// to compile: the tiered JIT takes hot paths through instrumented code to optimised code in steps, each needing
    /// more calls. Returns the methods compiled in each round; none is run without the counters.
    /// </summary>
    public async Task<IReadOnlyList<long>> SettleAsync(int rounds, Func<int, Task> stretch, CancellationToken cancellationToken)
    {
        var compiled = new List<long>();
        for (var round = 1; round <= rounds; round++)
        {
            if (await JitMethodsAsync(cancellationToken) is not { } before)
            {
                break;
            }

            await stretch(round);
            await WaitForQuietJitAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), cancellationToken);
            compiled.Add((await JitMethodsAsync(cancellationToken) ?? before) - before);
            if (compiled[^1] < BenchOptions.SettledJitMethods)
            {
                break;
            }
        }

        return compiled;
    }

    /// <summary>Takes the first reading again: the load starts now.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (_http is not null)
        {
            _start = await ReadAsync(_http, cancellationToken);
        }
    }

    /// <summary>Methods the app has JIT-compiled since it started; null without the counters.</summary>
    public async Task<long?> JitMethodsAsync(CancellationToken cancellationToken) =>
        _http is null ? null : (await ReadAsync(_http, cancellationToken)).JitCompiledMethods;

    /// <summary>
    /// Waits until the app's JIT has compiled nothing for <paramref name="quiet"/> (its background tier-up of what the
    /// last load made hot has drained), or <paramref name="atMost"/> passes.
    /// </summary>
    public async Task WaitForQuietJitAsync(TimeSpan quiet, TimeSpan atMost, CancellationToken cancellationToken)
    {
        if (_http is null)
        {
            return;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var last = await JitMethodsAsync(cancellationToken);
        var since = System.Diagnostics.Stopwatch.StartNew();
        while (since.Elapsed < quiet && waited.Elapsed < atMost)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            var now = await JitMethodsAsync(cancellationToken);
            if (now != last)
            {
                last = now;
                since.Restart();
            }
        }
    }

    /// <summary>Takes the second reading and adds the load's GC and JIT figures, <paramref name="seconds"/> being the load's wall time.</summary>
    public async Task ReportAsync(double seconds, RunResult result, CancellationToken cancellationToken)
    {
        if (_http is null || _start is null)
        {
            return;
        }

        using (_http)
        {
            var end = await ReadAsync(_http, cancellationToken);
            var gen0 = end.Gen0Collections - _start.Gen0Collections;
            var gen1 = end.Gen1Collections - _start.Gen1Collections;
            var gen2 = end.Gen2Collections - _start.Gen2Collections;
            var pause = end.GcPauseMilliseconds - _start.GcPauseMilliseconds;
            result.Values["gcPause"] = 100 * pause / 1000 / seconds;
            result.Values["gcCollections"] = gen0;
            result.Values["allocated"] = (end.AllocatedBytes - _start.AllocatedBytes) / 1e6 / seconds;
            result.Values["jitMethods"] = end.JitCompiledMethods - _start.JitCompiledMethods;
            var gen0Size = end.GcGen0SizeBytes > 0 ? string.Create(CultureInfo.InvariantCulture, $", gen0 size {end.GcGen0SizeBytes / 1_048_576} MB") : "";
            result.Facts["app GC and JIT during load"] = string.Create(CultureInfo.InvariantCulture,
                $"collections {gen0:N0} (of which gen1 {gen1:N0}, gen2 {gen2:N0}), paused {pause:N0} ms in {seconds:N1} s; JIT {end.JitCompiledMethods - _start.JitCompiledMethods:N0} methods in {end.JitMilliseconds - _start.JitMilliseconds:N0} ms; {(end.ServerGc ? "server" : "workstation")} GC, {end.GcHeapCount} heaps, dynamic adaptation (DATAS) {(end.GcDynamicAdaptationMode == 1 ? "on" : "off")}{gen0Size}");
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("diagnostics/runtime", cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<Reading> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("diagnostics/runtime", cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /diagnostics/runtime answered {(int)response.StatusCode}; the app must run in Development with Diagnostics:RuntimeEndpoint=true.");
        }

        return await response.Content.ReadFromJsonAsync<Reading>(cancellationToken)
            ?? throw new InvalidOperationException("GET /diagnostics/runtime answered nothing.");
    }

    private sealed record Reading(
        int Gen0Collections,
        int Gen1Collections,
        int Gen2Collections,
        double GcPauseMilliseconds,
        long AllocatedBytes,
        long JitCompiledMethods,
        double JitMilliseconds,
        bool ServerGc,
        long GcHeapCount,
        long GcDynamicAdaptationMode,
        long GcGen0SizeBytes);
}
