using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;

namespace HelplineDashboard.Common;

/// <summary>
/// With <c>HELPLINE_STARTUP_TIMELINE=1</c>, writes one line per start-up phase to standard error: milliseconds since the
/// process started, the process's CPU time, methods JIT-compiled so far and the thread. Off, each mark is one static
/// read. For whoever chases the cold start next (docs/decisions/0024-cold-start-margin.md).
/// </summary>
public static class StartupTimeline
{
    public const string Variable = "HELPLINE_STARTUP_TIMELINE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) == "1";
    private static readonly ConcurrentDictionary<string, bool> Once = new(StringComparer.Ordinal);

    public static bool IsEnabled => Enabled;

    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        Console.Error.WriteLine(
            $"startup-timeline {sinceStart.TotalMilliseconds,7:F0} ms  cpu {process.TotalProcessorTime.TotalMilliseconds,7:F0} ms  " +
            $"jit {JitInfo.GetCompiledMethodCount(),6}  thread {Environment.CurrentManagedThreadId,3}  {phase}");
    }

    /// <summary>Marks <paramref name="phase"/> the first time only (for per-request hooks).</summary>
    public static void MarkOnce(string phase)
    {
        if (Enabled && Once.TryAdd(phase, true))
        {
            Mark(phase);
        }
    }
}
