using System.Diagnostics;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// CPU time of the app's process and of the harness itself at one moment; two samples give how many cores each used
/// in between (CPU seconds per wall-clock second), to tell a saturated machine from a waiting app.
/// </summary>
public sealed record CpuSample(long At, TimeSpan App, TimeSpan Harness, int AppThreads)
{
    public static CpuSample Take(IAppTarget app)
    {
        using var self = Process.GetCurrentProcess();
        if (app.ProcessId is not { } pid)
        {
            return new CpuSample(Stopwatch.GetTimestamp(), TimeSpan.Zero, self.TotalProcessorTime, 0);
        }

        using var process = Process.GetProcessById(pid);
        return new CpuSample(Stopwatch.GetTimestamp(), process.TotalProcessorTime, self.TotalProcessorTime, process.Threads.Count);
    }

    /// <summary>Cores used by the app (NaN when it is not the harness's process) and by the harness since <paramref name="start"/>.</summary>
    public (double App, double Harness) CoresSince(CpuSample start, IAppTarget app)
    {
        var wall = Stopwatch.GetElapsedTime(start.At, At).TotalSeconds;
        var appCores = app.ProcessId is null ? double.NaN : (App - start.App).TotalSeconds / wall;
        return (appCores, (Harness - start.Harness).TotalSeconds / wall);
    }

    /// <summary>Adds <c>appCpu</c>, <c>harnessCpu</c> and <c>appThreads</c> to a run's figures.</summary>
    public void Report(CpuSample start, IAppTarget app, Results.RunResult result)
    {
        var (appCores, harnessCores) = CoresSince(start, app);
        result.Values["appCpu"] = appCores;
        result.Values["harnessCpu"] = harnessCores;
        result.Values["appThreads"] = app.ProcessId is null ? double.NaN : AppThreads;
    }

    public static IEnumerable<Results.Metric> Metrics(int cores) =>
    [
        new("appCpu", $"app CPU during load (of {cores} cores)", "cores", Decimals: 2),
        new("harnessCpu", "harness CPU during load (clients, gateway)", "cores", Decimals: 2),
        new("appThreads", "app threads at end of load", "", Decimals: 0),
    ];
}
