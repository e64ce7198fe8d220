using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Wallboard;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;

namespace HelplineDashboard;

/// <summary>
/// After the first response (it is deferred by the <see cref="FirstResponseGate"/>), does once, in the background, the
/// one-time work the first sign-in and the first live page would otherwise pay for: the Data Protection key ring, EF's
/// model and Identity's user look-ups, the SignalR dispatchers of the Blazor hub and our hubs (one compiled method
/// executor per hub method) and the endpoint table. It reads nothing and changes nothing; a failure is logged and
/// costs only the warm-up (docs/decisions/00xx-cold-start-margin.md).
/// </summary>
public sealed class StartupWarmUp(IServiceProvider services, ILogger<StartupWarmUp> logger) : BackgroundService
{
    private const string Unknown = "warm-up@helpline.invalid";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(StartupWarmUp)).Protect([0]);
            _ = services.GetRequiredService<EndpointDataSource>().Endpoints;
            var dispatchers = 0;

            // SignalR's dispatcher (internal to its assembly) compiles an executor per hub method when it is built.
            if (typeof(Hub).Assembly.GetType("Microsoft.AspNetCore.SignalR.Internal.HubDispatcher`1") is { } dispatcher)
            {
                foreach (var hub in HubTypes())
                {
                    dispatchers += services.GetService(dispatcher.MakeGenericType(hub)) is null ? 0 : 1;
                }
            }

            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.FindByNameAsync(Unknown);
            await users.FindByEmailAsync(Unknown);
            StartupTimeline.Mark($"warm-up done ({dispatchers} hub dispatchers)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Start-up warm-up failed; the first sign-in does that work instead");
        }
    }

    private static IEnumerable<Type> HubTypes()
    {
        yield return typeof(QueueHub);
        yield return typeof(MetricsHub);

        // Blazor Server's own hub (every interactive page's circuit) is internal to its assembly.
        if (typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
                .GetType("Microsoft.AspNetCore.Components.Server.ComponentHub") is { } componentHub)
        {
            yield return componentHub;
        }
    }
}
