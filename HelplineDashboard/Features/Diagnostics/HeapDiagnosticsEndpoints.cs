using System.Runtime;
using HelplineDashboard.Features.Accounts;

namespace HelplineDashboard.Features.Diagnostics;

/// <summary>
/// <c>GET /diagnostics/heap</c>: the app's managed heap after a full, blocking, compacting collection, for the
/// benchmark's circuit-memory scenario (issue 7, scenario 4). Off unless <c>Diagnostics:HeapEndpoint</c> is true and the
/// app runs in Development; supervisors and administrators only. It pauses the whole app while it collects, so it is
/// never for production. No personal data: only byte counts.
/// </summary>
public static class HeapDiagnosticsEndpoints
{
    public const string EnabledKey = "Diagnostics:HeapEndpoint";

    public sealed record HeapReading(long TotalBytes, long HeapSizeBytes, long FragmentedBytes, int Gen2Collections);

    public static IEndpointRouteBuilder MapHelplineDiagnostics(this IEndpointRouteBuilder endpoints, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue<bool>(EnabledKey))
        {
            return endpoints;
        }

        endpoints.MapGet("/diagnostics/heap", () =>
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                var total = GC.GetTotalMemory(forceFullCollection: true);
                var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                return TypedResults.Ok(new HeapReading(total, info.HeapSizeBytes, info.FragmentedBytes, GC.CollectionCount(2)));
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Supervisor, Roles.Admin));
        return endpoints;
    }
}
