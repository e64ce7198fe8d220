using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>The benchmark's heap and runtime endpoints exist only when a Development app is told to map them.</summary>
public sealed class HeapDiagnosticsTests
{
    private const string Path = "diagnostics/heap";

    private const string RuntimePath = "diagnostics/runtime";

    private static bool IsMapped(HelplineAppFactory factory, string path = Path) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText?.TrimStart('/') == path);

    [Fact]
    public void The_heap_and_runtime_endpoints_are_not_mapped_by_default()
    {
        using var factory = new HelplineAppFactory();
        _ = factory.Server;

        Assert.False(IsMapped(factory));
        Assert.False(IsMapped(factory, RuntimePath));
    }

    [Fact]
    public async Task A_supervisor_reads_the_runtimes_counters_without_a_collection_when_the_endpoint_is_switched_on()
    {
        using var factory = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?> { ["Diagnostics:RuntimeEndpoint"] = "true" });
        _ = factory.Server;
        Assert.True(IsMapped(factory, RuntimePath));
        Assert.False(IsMapped(factory));

        var supervisor = (await SignIn.AsAsync(factory, Accounts.Supervisor)).Client;
        var first = await supervisor.GetFromJsonAsync<RuntimeReading>(RuntimePath);
        var second = await supervisor.GetFromJsonAsync<RuntimeReading>(RuntimePath);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(first.JitCompiledMethods > 0);
        Assert.True(second.AllocatedBytes > first.AllocatedBytes);
        Assert.Equal(first.Gen2Collections, second.Gen2Collections);
        Assert.True(first.GcHeapCount >= 1);

        var counsellor = (await SignIn.AsAsync(factory, Accounts.Counsellor1)).Client;
        using var refused = await counsellor.GetAsync(RuntimePath);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_reads_the_heap_after_a_full_collection_when_the_endpoint_is_switched_on()
    {
        using var factory = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?> { ["Diagnostics:HeapEndpoint"] = "true" });
        _ = factory.Server;
        Assert.True(IsMapped(factory));

        var supervisor = (await SignIn.AsAsync(factory, Accounts.Supervisor)).Client;
        var reading = await supervisor.GetFromJsonAsync<Reading>(Path);
        Assert.NotNull(reading);
        Assert.True(reading.TotalBytes > 0);
        Assert.True(reading.Gen2Collections > 0);

        var counsellor = (await SignIn.AsAsync(factory, Accounts.Counsellor1)).Client;
        using var refused = await counsellor.GetAsync(Path);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private sealed record RuntimeReading(int Gen2Collections, long AllocatedBytes, long JitCompiledMethods, long GcHeapCount);

    private sealed record Reading(long TotalBytes, long HeapSizeBytes, long FragmentedBytes, int Gen2Collections);
}
