using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace HelplineDashboard;

/// <summary>
/// After the first response (it is deferred by the <see cref="FirstResponseGate"/>), builds EF's model and compiles
/// Identity's by-name and by-email user look-ups (the sign-in's queries) in the background, so the first sign-in does not
/// pay for the model now that the background services no longer build it before the page. It changes nothing; a failure
/// is logged and costs only the warm-up. The Data Protection key ring, the endpoint table and the hubs' dispatchers need
/// no warm-up: the sign-in page's antiforgery token and the first request's endpoint build already made them
/// (docs/decisions/0024-cold-start-margin.md).
/// </summary>
public sealed class StartupWarmUp(IServiceProvider services, ILogger<StartupWarmUp> logger) : BackgroundService
{
    private const string Unknown = "warm-up@helpline.invalid";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.FindByNameAsync(Unknown);
            await users.FindByEmailAsync(Unknown);
            StartupTimeline.Mark("warm-up done");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Start-up warm-up failed; the first sign-in does that work instead");
        }
    }
}
