using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using HelplineDashboard.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace HelplineDashboard.Features.Diagnostics;

/// <summary>
/// <c>GET /diagnostics/heap</c>: the app's managed heap after a full, blocking, compacting collection, for the
/// benchmark's circuit-memory scenario (issue 7, scenario 4). Off unless <c>Diagnostics:HeapEndpoint</c> is true and the
/// app runs in Development; supervisors and administrators only. It pauses the whole app while it collects, so it is
/// never for production. No personal data: only byte counts. <c>GET /diagnostics/runtime</c> (off unless
/// <c>Diagnostics:RuntimeEndpoint</c> is true, Development only, the same roles) reads the GC's and the JIT's counters
/// without collecting, so the benchmark can say what they took of a load.
/// </summary>
public static class HeapDiagnosticsEndpoints
{
    public const string EnabledKey = "Diagnostics:HeapEndpoint";

    /// <summary>Switches on <c>GET /diagnostics/runtime</c> (Development only, like the heap endpoint).</summary>
    public const string RuntimeEnabledKey = "Diagnostics:RuntimeEndpoint";

    public sealed record HeapReading(long TotalBytes, long HeapSizeBytes, long FragmentedBytes, int Gen2Collections);

    /// <summary>
    /// The runtime's own counters since the process started, read without disturbing it: collections per generation,
    /// time the GC paused the app, bytes allocated, methods JIT-compiled and the time spent compiling, and the GC's
    /// effective settings. Two readings around a load say what the GC and the JIT took of it.
    /// </summary>
    public sealed record RuntimeReading(
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

    public static IEndpointRouteBuilder MapHelplineDiagnostics(this IEndpointRouteBuilder endpoints, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return endpoints;
        }

        if (configuration.GetValue<bool>(EnabledKey))
        {
            endpoints.MapGet("/diagnostics/heap", ReadHeap).RequireAuthorization(SupervisorsAndAdministrators);
        }

        if (configuration.GetValue<bool>(RuntimeEnabledKey))
        {
            endpoints.MapGet("/diagnostics/runtime", ReadRuntime).RequireAuthorization(SupervisorsAndAdministrators);
        }

        return endpoints;
    }

    private static void SupervisorsAndAdministrators(AuthorizationPolicyBuilder policy) => policy.RequireRole(Roles.Supervisor, Roles.Admin);

    private static HeapReading ReadHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var total = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return new HeapReading(total, info.HeapSizeBytes, info.FragmentedBytes, GC.CollectionCount(2));
    }

    private static RuntimeReading ReadRuntime()
    {
        var gc = GC.GetConfigurationVariables();
        long Setting(string name) => gc.TryGetValue(name, out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : -1;
        return new RuntimeReading(
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: false),
            JitInfo.GetCompiledMethodCount(),
            JitInfo.GetCompilationTime().TotalMilliseconds,
            GCSettings.IsServerGC,
            Setting("HeapCount"),
            Setting("GCDynamicAdaptationMode"),
            Setting("GCgen0size"));
    }
}
