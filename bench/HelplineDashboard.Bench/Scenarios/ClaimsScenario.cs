using System.Collections.Concurrent;
using System.Diagnostics;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 3, claim race: a gateway posts N waiting contacts, then M signed-in hub connections claim at once through
/// the hub's <c>Claim</c> method (the same exactly-once service as the queue page). Each claimer takes one of the first
/// ten contacts it does not yet know to be taken, like counsellors picking from the top of the queue, until none is
/// left. Afterwards the database must hold exactly N claimed contacts and N cases.
/// </summary>
public sealed class ClaimsScenario(AppLauncher launcher, BenchOptions options) : IScenario
{
    private static readonly TimeSpan RaceTimeout = TimeSpan.FromSeconds(180);

    public string Name => "claims";

    public string Title => "3. Claim race";

    public string Setup =>
        $"{options.Claimers} hub connections (supervisor cookie) claiming {options.ClaimContacts} waiting contacts at once through the hub's Claim method, " +
        (options.ClaimWarmUpContacts > 0 ? $"after the same race on {options.ClaimWarmUpContacts} other contacts to warm the app up, " : "on a just-started app, ") +
        (options.SettleRounds > 0 ? $"then up to {options.SettleRounds} more on {options.ClaimContacts} others each until one leaves the app's JIT fewer than {BenchOptions.SettledJitMethods} methods to compile, " : "") +
        "each picking among the first ten contacts it does not know to be taken, " +
        (options.ClaimPauseMilliseconds > 0
            ? $"pausing {options.ClaimPauseMilliseconds / 2}–{options.ClaimPauseMilliseconds * 3 / 2} ms after each answer (a counsellor's reaction, shortened)"
            : "claiming again the moment each answer arrives (a closed loop: the latency is mostly waiting behind the other claimers' calls)") +
        "; latency per claim call";

    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("warmUpP50", "warm-up race on a just-started app (not measured below): claim latency p50", "ms", Decimals: 1),
        new("warmUpP99", "warm-up race on a just-started app (not measured below): claim latency p99", "ms", Decimals: 1),
        new("settleRounds", "settling races until the JIT was quiet (unmeasured)", "", Decimals: 0),
        new("p50", "claim latency p50", "ms", Decimals: 1),
        new("p99", "claim latency p99", "ms", Target.NoMoreThan(50, "ms"), 1),
        new("wonP50", "won: claim latency p50", "ms", Decimals: 1),
        new("wonP99", "won: claim latency p99", "ms", Decimals: 1),
        new("refusedP50", "refused (already claimed): latency p50", "ms", Decimals: 1),
        new("refusedP99", "refused (already claimed): latency p99", "ms", Decimals: 1),
        new("refusedShare", "refused (already claimed): share of claim calls", "%", Decimals: 1),
        new("otherP99", "other answers: latency p99", "ms", Decimals: 1),
        new("won", "claims won", "", Decimals: 0),
        new("doubles", "contacts won twice", "", Target.NoMoreThan(0, ""), 0),
        new("unclaimed", "contacts left unclaimed", "", Target.NoMoreThan(0, ""), 0),
        new("errors", "claim errors", "", Target.NoMoreThan(0, ""), 0),
        new("attempts", "claim calls", "", Decimals: 0),
        new("rate", "claims won per second", "claims/s", Decimals: 0),
        new("callRate", "claim calls per second", "calls/s", Decimals: 0),
        new("cpuPerCall", "app CPU per claim call", "ms", Decimals: 2),
        new("cpuPerWin", "app CPU per claim won (all calls' CPU ÷ wins)", "ms", Decimals: 1),
        new("casesOnDisk", "cases on disk after stop (warm-up, settling and measured contacts, one case each)", "", Decimals: 0),
        .. CpuSample.Metrics(Environment.ProcessorCount),
        .. RuntimeProbe.Metrics,
    ];

    public IReadOnlyList<string> NotMeasured => [];

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var dataDir = new TempDir();
        var result = new RunResult();
        var race = new Race();
        string? databasePath;
        await using (var app = await launcher.StartAsync(dataDir, cancellationToken))
        {
            databasePath = app.DatabasePath;
            var warmUpIds = options.ClaimWarmUpContacts > 0 ? await Gateway.PostManyAsync(app, options.ClaimWarmUpContacts, cancellationToken) : [];
            long nextNumber = options.ClaimWarmUpContacts + 1;
            List<long> ids = [];
            var heard = new Heard();
            var cookies = await SignIn.AsAsync(app.BaseAddress, SignIn.Supervisor, SignIn.DemoPassword, cancellationToken);
            var connections = new HubConnection[options.Claimers];
            await Parallel.ForAsync(0, connections.Length, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    // Like a softphone that shows the queue: it hears the claims of each commit as one message.
                    connections[i] = QueueListener.Build(app.BaseAddress, cookies, "?claims=batched");
                    connections[i].On<ClaimsHeard>("ContactsClaimed", claims => Interlocked.Add(ref heard.Claims, claims.Claims.GetArrayLength()));
                    await connections[i].StartAsync(ct);
                });

            try
            {
                if (warmUpIds.Count > 0)
                {
                    // The same race on other contacts first, unmeasured but reported: the app's code paths are then
                    // compiled (tiered JIT) as on a server that has been up for a minute.
                    var warmUp = new Race();
                    await RaceAsync(connections, warmUpIds, warmUp, seed: 1_000, cancellationToken);
                    var warmLatencies = warmUp.Latencies.Select(l => l.Milliseconds).Order().ToList();
                    result.Values["warmUpP50"] = Stats.Percentile(warmLatencies, 50);
                    result.Values["warmUpP99"] = Stats.Percentile(warmLatencies, 99);
                    await heard.WaitForAsync(warmUp.Winners.Count * (long)connections.Length, cancellationToken);
                }

                var runtime = await RuntimeProbe.StartAsync(app, cancellationToken);
                nextNumber = await SettleAsync(app, connections, runtime, heard, nextNumber, result, cancellationToken);

                // Other callers than the warm-up's: a measured claim opens a case, it does not join a warm-up one.
                ids = await Gateway.PostManyAsync(app, options.ClaimContacts, cancellationToken, firstNumber: nextNumber);
                var heardBefore = Interlocked.Read(ref heard.Claims);
                await runtime.RestartAsync(cancellationToken);
                var cpu = CpuSample.Take(app);
                var clock = Stopwatch.StartNew();
                await RaceAsync(connections, ids, race, seed: 0, cancellationToken);
                var elapsed = clock.Elapsed.TotalSeconds;
                var cpuAfter = CpuSample.Take(app);
                await runtime.ReportAsync(elapsed, result, cancellationToken);
                var appCpuMs = (cpuAfter.App - cpu.App).TotalMilliseconds;
                result.Values["rate"] = race.Winners.Count / elapsed;
                result.Values["callRate"] = race.Latencies.Count / elapsed;
                result.Values["cpuPerCall"] = app.ProcessId is null ? double.NaN : appCpuMs / Math.Max(1, race.Latencies.Count);
                result.Values["cpuPerWin"] = app.ProcessId is null ? double.NaN : appCpuMs / Math.Max(1, race.Winners.Count);
                cpuAfter.Report(cpu, app, result);

                // Every claimer hears every claim (ContactsClaimed); the last batches may still be on their way.
                var expected = (long)race.Winners.Count * connections.Length;
                await heard.WaitForAsync(heardBefore + expected, cancellationToken);
                result.Facts["claims heard by the claimers (ContactsClaimed)"] =
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Interlocked.Read(ref heard.Claims) - heardBefore:N0} of {expected:N0}");
            }
            finally
            {
                await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
            }

            result.Values["unclaimed"] = ids.Count(id => !race.Winners.ContainsKey(id));
        }

        var latencies = race.Latencies.Select(l => l.Milliseconds).Order().ToList();
        result.Values["p50"] = Stats.Percentile(latencies, 50);
        result.Values["p99"] = Stats.Percentile(latencies, 99);
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            var key = outcome.ToString().ToLowerInvariant();
            var ofOutcome = race.Latencies.Where(l => l.Outcome == outcome).Select(l => l.Milliseconds).Order().ToList();
            result.Values[key + "P50"] = Stats.Percentile(ofOutcome, 50);
            result.Values[key + "P99"] = Stats.Percentile(ofOutcome, 99);
            result.Values[key + "Share"] = 100.0 * ofOutcome.Count / Math.Max(1, latencies.Count);
        }

        result.Values["won"] = race.Winners.Values.Sum();
        result.Values["doubles"] = race.Winners.Values.Count(wins => wins > 1);
        result.Values["errors"] = race.Errors;
        result.Values["attempts"] = latencies.Count;
        if (databasePath is not null)
        {
            result.Values["casesOnDisk"] = DatabaseProbe.Count(databasePath, "SELECT COUNT(*) FROM Cases;");
            result.Facts["contacts claimed on disk"] = DatabaseProbe.Count(databasePath, "SELECT COUNT(*) FROM Contacts WHERE Status = 'Claimed';")
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>
    /// Unmeasured races on other contacts after the warm-up, until one leaves the app's JIT almost nothing to compile
    /// (<see cref="RuntimeProbe.SettleAsync"/>). Returns the next free caller number.
    /// </summary>
    private async Task<long> SettleAsync(
        IAppTarget app, HubConnection[] connections, RuntimeProbe runtime, Heard heard, long nextNumber, RunResult result, CancellationToken cancellationToken)
    {
        // What the warm-up race made hot is compiled first, so the rounds count only what they add.
        await runtime.WaitForQuietJitAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), cancellationToken);
        var compiled = await runtime.SettleAsync(options.SettleRounds, async round =>
        {
            var ids = await Gateway.PostManyAsync(app, options.ClaimContacts, cancellationToken, firstNumber: nextNumber);
            nextNumber += options.ClaimContacts;
            var heardBefore = Interlocked.Read(ref heard.Claims);
            var race = new Race();
            await RaceAsync(connections, ids, race, seed: 2_000 + round, cancellationToken);
            await heard.WaitForAsync(heardBefore + race.Winners.Count * (long)connections.Length, cancellationToken);
        }, cancellationToken);

        result.Values["settleRounds"] = compiled.Count;
        if (compiled.Count > 0)
        {
            result.Facts["settling races (unmeasured, 1 idle second for the JIT after each): methods JIT-compiled in each"] =
                string.Join(", ", compiled.Select(c => c.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return nextNumber;
    }

    /// <summary>Every claimer claims from <paramref name="ids"/> until none is left or <see cref="RaceTimeout"/> passes.</summary>
    private async Task RaceAsync(HubConnection[] connections, List<long> ids, Race race, int seed, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RaceTimeout);
        await Task.WhenAll(connections.Select((connection, i) => ClaimUntilNoneLeftAsync(connection, ids, race, new Random(seed + i), options.ClaimPauseMilliseconds, timeout.Token)));
    }

    private static async Task ClaimUntilNoneLeftAsync(HubConnection connection, List<long> ids, Race race, Random random, int pauseMilliseconds, CancellationToken cancellationToken)
    {
        var errors = 0;
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (pauseMilliseconds > 0 && !first)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(pauseMilliseconds * (0.5 + random.NextDouble())), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return; // the race's time-out
                }
            }

            first = false;
            var open = race.FirstOpen(ids, 10);
            if (open.Count == 0)
            {
                return;
            }

            var id = open[random.Next(open.Count)];
            var started = Stopwatch.GetTimestamp();
            try
            {
                var answer = await connection.InvokeAsync<ClaimAnswer>("Claim", id, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var outcome = answer.Status switch
                {
                    "Won" => Outcome.Won,
                    "AlreadyClaimed" => Outcome.Refused,
                    _ => Outcome.Other,
                };
                race.Latencies.Add((outcome, elapsed));
                if (outcome == Outcome.Won)
                {
                    race.Winners.AddOrUpdate(id, 1, (_, wins) => wins + 1);
                }
                else if (outcome == Outcome.Other)
                {
                    Interlocked.Increment(ref race.Errors);
                }

                race.Taken.TryAdd(id, 0);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // the race's time-out: what is left counts as unclaimed
            }
            catch (Exception)
            {
                Interlocked.Increment(ref race.Errors);
                if (++errors >= 10)
                {
                    return;
                }
            }
        }
    }

    private sealed class Race
    {
        private int _front;

        public ConcurrentDictionary<long, byte> Taken { get; } = new();

        /// <summary>
        /// The first <paramref name="count"/> of <paramref name="ids"/> not known to be taken. A contact once known taken
        /// stays taken, so the ids before the front (all taken) are not looked at again: the same pick as scanning from the
        /// start, without the harness's CPU growing with the taken prefix (it took the app's cores).
        /// </summary>
        public List<long> FirstOpen(List<long> ids, int count)
        {
            var front = Volatile.Read(ref _front);
            while (front < ids.Count && Taken.ContainsKey(ids[front]))
            {
                front++;
            }

            for (var seen = Volatile.Read(ref _front); seen < front; seen = Volatile.Read(ref _front))
            {
                if (Interlocked.CompareExchange(ref _front, front, seen) == seen)
                {
                    break;
                }
            }

            var open = new List<long>(count);
            for (var i = front; i < ids.Count && open.Count < count; i++)
            {
                if (!Taken.ContainsKey(ids[i]))
                {
                    open.Add(ids[i]);
                }
            }

            return open;
        }

        public ConcurrentDictionary<long, int> Winners { get; } = new();

        public ConcurrentBag<(Outcome Outcome, double Milliseconds)> Latencies { get; } = [];

        public int Errors;
    }

    /// <summary>Claims heard by all claimers together (ContactsClaimed), warm-up and measured race alike.</summary>
    private sealed class Heard
    {
        public long Claims;

        /// <summary>Waits (at most 10 s) until <paramref name="count"/> claims have been heard; the last batches may still be on their way.</summary>
        public async Task WaitForAsync(long count, CancellationToken cancellationToken)
        {
            var heardBy = Stopwatch.StartNew();
            while (Interlocked.Read(ref Claims) < count && heardBy.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>How a claim call was answered: won, refused because another claimant has the contact, anything else.</summary>
    private enum Outcome
    {
        Won,
        Refused,
        Other,
    }

    /// <summary>The hub's ContactsClaimed: the claims of one line committed together (only counted, so read as one JSON array).</summary>
    private sealed record ClaimsHeard(string Line, System.Text.Json.JsonElement Claims);

    /// <summary>The hub's answer to Claim (status as a string: Won, AlreadyClaimed, Abandoned, NotFound).</summary>
    private sealed record ClaimAnswer(string Status, long? CaseId, string? ClaimedByName);
}
