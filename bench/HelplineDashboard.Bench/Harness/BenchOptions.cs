namespace HelplineDashboard.Bench.Harness;

/// <summary>The command line: <c>--scenario push|intake|claims|coldstart|all --seconds N --runs N [--url U]</c>.</summary>
public sealed record BenchOptions
{
    public static readonly string[] ScenarioNames = ["push", "intake", "claims", "circuits", "coldstart", "wallboard"];

    public IReadOnlyList<string> Scenarios { get; init; } = ScenarioNames;

    /// <summary>How long each load phase of a scenario runs, in seconds.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>How many runs a scenario makes; each figure is the median of them.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>
    /// Push and intake: seconds of the same load, unmeasured, before the measured load. A just-started app compiles its
    /// hot paths again (tiered JIT) during its first seconds of load; see <see cref="ClaimWarmUpContacts"/>.
    /// </summary>
    public int WarmUpSeconds { get; init; } = 15;

    /// <summary>A running app to target instead of starting one (cold start is then not measured).</summary>
    public Uri? Url { get; init; }

    /// <summary>The gateway key for <see cref="Url"/>; a started app gets the harness's own key.</summary>
    public string ApiKey { get; init; } = "dev-gateway-key";

    public int HubClients { get; init; } = 300;

    public int PushRate { get; init; } = 100;

    /// <summary>Push: counsellors' queue pages in Chromium watching for the rows; 0 switches the browser part off.</summary>
    public int QueuePages { get; init; } = 20;

    /// <summary>
    /// Push: the counsellor pool claims each contact this long after its 201 (first answered, first claimed), keeping the
    /// queue short. Unset: 300 ms with queue pages, no claims without them (the hub figure as issue 7 states it); 0: no claims.
    /// </summary>
    public int? ClaimAfterMilliseconds { get; init; }

    /// <summary>Push: the delay after which the counsellor pool claims, or null when nothing is claimed.</summary>
    public TimeSpan? ClaimAfter => (ClaimAfterMilliseconds ?? (QueuePages > 0 ? 300 : 0)) is > 0 and var ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>Push: rows the queue pages' table shows without scrolling (the viewport is sized for it).</summary>
    public int QueueWindowRows { get; init; } = 60;

    /// <summary>Push: niceness of the Chromium processes (the app runs at 0); Chromium may not go below it.</summary>
    public int BrowserNice { get; init; } = 5;

    /// <summary>Push: where to write a Chromium trace of the load (the first queue page's DevTools session); null: no trace.</summary>
    public string? BrowserTrace { get; init; }

    public int IntakeConnections { get; init; } = 64;

    /// <summary>Claim race: concurrent claimers (hub connections) and waiting contacts.</summary>
    public int Claimers { get; init; } = 200;

    public int ClaimContacts { get; init; } = 1000;

    /// <summary>
    /// Claim race: contacts of an unmeasured race run first, so the measured race meets code the runtime has finished
    /// compiling. A just-started app compiles its hot paths again, optimised and profile-guided (tiered JIT), and on two
    /// busy cores that takes some 20 s of load: about 6,000 methods were still being compiled 10 s in. 0: none.
    /// </summary>
    public int ClaimWarmUpContacts { get; init; } = 5000;

    /// <summary>
    /// After the warm-up, at most this many more unmeasured stretches of the same load (claims: races on
    /// <see cref="ClaimContacts"/> other contacts; push and intake: <see cref="SettleSeconds"/> s each), until one leaves
    /// the app's JIT fewer than <see cref="SettledJitMethods"/> methods to compile (read from the app's runtime counters;
    /// the JIT gets an idle second after each). The fixed warm-ups were not enough: the measured claim race still saw
    /// ~1,100 methods compiled (about 1.7 s of JIT) while it ran, the measured push load ~4,500. 0: none.
    /// </summary>
    public int SettleRounds { get; init; } = 8;

    /// <summary>A settling stretch that JIT-compiles fewer methods than this ends the settling.</summary>
    public const int SettledJitMethods = 50;

    /// <summary>Push and intake: the length of each settling stretch of load.</summary>
    public const int SettleSeconds = 5;

    /// <summary>
    /// Claim race: how long a claimer pauses after each answer before its next claim, on average (each pause is drawn
    /// from half to one and a half times this). 0, the default, is a closed loop: the next claim goes the moment the
    /// answer arrives. A counsellor reading "already claimed" and clicking the next row takes longer than any pause
    /// worth setting here.
    /// </summary>
    public int ClaimPauseMilliseconds { get; init; }

    /// <summary>Circuit memory: counsellor pages in Chromium and waiting contacts on their queue.</summary>
    public int Circuits { get; init; } = 100;

    public int CircuitContacts { get; init; } = 500;

    /// <summary>How long each bare-SQLite floor loop runs, in seconds.</summary>
    public int FloorSeconds { get; init; } = 5;

    /// <summary>The built app to start; by default the Release build under the repository.</summary>
    public string? AppDll { get; init; }

    /// <summary>Start the app as deployed: <c>dotnet publish -c Release</c> (ReadyToRun) into a temp folder, run from there.</summary>
    public bool Publish { get; init; }

    /// <summary>Extra environment for the started app only (<c>--app-env KEY=VALUE</c>), for A/B runs of runtime settings.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AppEnvironment { get; init; } = [];

    public bool WriteResults { get; init; } = true;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--scenario" => options with { Scenarios = ParseScenarios(Value()) },
                "--seconds" => options with { Seconds = PositiveInt(name, Value()) },
                "--runs" => options with { Runs = PositiveInt(name, Value()) },
                "--warm-up-seconds" => options with { WarmUpSeconds = int.TryParse(Value(), out var warmUp) && warmUp >= 0 ? warmUp : throw new ArgumentException($"{name} needs a whole number ≥ 0.") },
                "--url" => options with { Url = new Uri(Value().TrimEnd('/') + "/") },
                "--api-key" => options with { ApiKey = Value() },
                "--clients" => options with { HubClients = PositiveInt(name, Value()) },
                "--rate" => options with { PushRate = PositiveInt(name, Value()) },
                "--queue-pages" => options with { QueuePages = int.TryParse(Value(), out var pages) && pages >= 0 ? pages : throw new ArgumentException($"{name} needs a whole number ≥ 0.") },
                "--no-browser" => options with { QueuePages = 0 },
                "--claim-after" => options with { ClaimAfterMilliseconds = int.TryParse(Value(), out var ms) && ms >= 0 ? ms : throw new ArgumentException($"{name} needs a whole number of milliseconds ≥ 0.") },
                "--queue-window" => options with { QueueWindowRows = PositiveInt(name, Value()) },
                "--browser-nice" => options with { BrowserNice = int.TryParse(Value(), out var nice) && nice is >= 0 and <= 19 ? nice : throw new ArgumentException($"{name} needs a niceness from 0 to 19.") },
                "--browser-trace" => options with { BrowserTrace = Path.GetFullPath(Value()) },
                "--connections" => options with { IntakeConnections = PositiveInt(name, Value()) },
                "--claimers" => options with { Claimers = PositiveInt(name, Value()) },
                "--claim-contacts" => options with { ClaimContacts = PositiveInt(name, Value()) },
                "--settle-rounds" => options with { SettleRounds = int.TryParse(Value(), out var rounds) && rounds >= 0 ? rounds : throw new ArgumentException($"{name} needs a whole number ≥ 0.") },
                "--claim-warm-up" => options with { ClaimWarmUpContacts = int.TryParse(Value(), out var warm) && warm >= 0 ? warm : throw new ArgumentException($"{name} needs a whole number ≥ 0.") },
                "--claim-pause" => options with { ClaimPauseMilliseconds = int.TryParse(Value(), out var pause) && pause >= 0 ? pause : throw new ArgumentException($"{name} needs a whole number of milliseconds ≥ 0.") },
                "--circuits" => options with { Circuits = PositiveInt(name, Value()) },
                "--circuit-contacts" => options with { CircuitContacts = PositiveInt(name, Value()) },
                "--floor-seconds" => options with { FloorSeconds = PositiveInt(name, Value()) },
                "--app-dll" => options with { AppDll = Path.GetFullPath(Value()) },
                "--publish" => options with { Publish = true },
                "--app-env" => options with { AppEnvironment = [.. options.AppEnvironment, EnvironmentSetting(name, Value())] },
                "--no-write" => options with { WriteResults = false },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        return options;
    }

    public const string Usage =
        """
        dotnet run -c Release --project bench/HelplineDashboard.Bench -- [options]
          --scenario push|intake|claims|circuits|coldstart|wallboard|all   (comma-separated; default all)
          --seconds N          load phase per run (default 20)
          --runs N             runs per scenario; figures are medians (default 3)
          --warm-up-seconds N  push, intake: N s of the same load, unmeasured, first (default 15)
          --url URL            target a running app instead of starting one (with --api-key KEY)
          --clients N          hub clients for push (default 300)
          --rate N             contacts/s for push (default 100)
          --queue-pages N      counsellors' queue pages in Chromium for push (default 20; 0 = off)
          --no-browser         push without the Chromium pages (same as --queue-pages 0)
          --claim-after MS     push: claim each contact MS after its 201, first come first claimed
                               (default 300 with queue pages, none without; 0 = no claims)
          --queue-window N     push: rows the queue pages show without scrolling (default 60)
          --browser-nice N     push: niceness of Chromium, 0-19; the app runs at 0 (default 5)
          --browser-trace FILE push: write a Chromium trace of the load (Perfetto / chrome://tracing JSON) and
                               report where Chromium's CPU went; tracing costs CPU, so that run's figures are not comparable
          --connections N      gateway connections for intake (default 64)
          --claimers N         concurrent hub claimers for claims (default 200)
          --claim-contacts N   waiting contacts for claims (default 1000)
          --claim-warm-up N    claims: an unmeasured race on N other contacts first (default 5000; 0: none)
          --settle-rounds N    push, intake, claims: after the warm-up, up to N more unmeasured stretches of load
                               until the app's JIT is quiet (default 8; 0: none)
          --claim-pause MS     claims: each claimer pauses MS on average (0.5-1.5 x) after each answer
                               (default 0: a closed loop, the next claim the moment the answer arrives)
          --circuits N         counsellor pages in Chromium for circuits (default 100)
          --circuit-contacts N waiting contacts for circuits (default 500)
          --floor-seconds N    bare SQLite loop per durability setting (default 5)
          --app-dll PATH       the built app (default HelplineDashboard/bin/Release/net10.0/HelplineDashboard.dll)
          --publish            dotnet publish -c Release (ReadyToRun, as deployed) to a temp folder and start that
          --app-env KEY=VALUE  set an environment variable for the started app only (repeatable), for A/B runs
          --no-write           print only; do not touch bench/RESULTS.md and bench/results/
        """;

    private static KeyValuePair<string, string> EnvironmentSetting(string name, string value) =>
        value.Split('=', 2) is [{ Length: > 0 } key, var setting]
            ? KeyValuePair.Create(key, setting)
            : throw new ArgumentException($"{name} needs KEY=VALUE.");

    private static string[] ParseScenarios(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is ["all"])
        {
            return ScenarioNames;
        }

        var unknown = names.Except(ScenarioNames).ToArray();
        return unknown.Length == 0 && names.Length > 0
            ? names
            : throw new ArgumentException($"Unknown scenario '{string.Join(',', unknown)}'; use {string.Join('|', ScenarioNames)}|all.");
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a positive whole number.");
}
