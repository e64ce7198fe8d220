using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 5, cold start: from starting <c>dotnet HelplineDashboard.dll</c> to the sign-in page answering 200, first on
/// an empty folder (migrations, WAL switch, role and demo-account seeding), then again on the database that run left.
/// </summary>
public sealed class ColdStartScenario(AppLauncher launcher) : IScenario
{
    public string Name => "coldstart";

    public string Title => "5. Cold start";

    public string Setup =>
        $"process start (dotnet HelplineDashboard.dll, {launcher.Build}, Development) to GET /account/login = 200, polled every 10 ms; " +
        "first run on a fresh database, then a second start on that database; CPU = the app process's user + system time at that 200";

    public IReadOnlyList<Metric> Metrics => launcher.StartsApps
        ?
        [
            new("existing", "existing database (second start)", "s", Target.NoMoreThan(2, "s"), 2),
            new("existingCpu", "existing database: app CPU until the page", "s", Decimals: 2),
            new("fresh", "first run with migrations and seeding", "s", Decimals: 2),
            new("freshCpu", "first run: app CPU until the page", "s", Decimals: 2),
        ]
        : [];

    public IReadOnlyList<string> NotMeasured => launcher.StartsApps
        ? []
        : ["cold start: the harness must start the app itself; not measured with --url."];

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var dataDir = new TempDir();
        var result = new RunResult();
        (result.Values["fresh"], result.Values["freshCpu"]) = await StartAndStopAsync(dataDir, cancellationToken);
        (result.Values["existing"], result.Values["existingCpu"]) = await StartAndStopAsync(dataDir, cancellationToken);
        return result;
    }

    private async Task<(double Wall, double Cpu)> StartAndStopAsync(TempDir dataDir, CancellationToken cancellationToken)
    {
        await using var app = (AppProcess)await launcher.StartAsync(dataDir, cancellationToken);
        return (app.StartedIn.TotalSeconds, app.CpuWhenStarted.TotalSeconds);
    }
}
