using HelplineDashboard.Common;
using HelplineDashboard.Features.Cases;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelplineDashboard.Features.FollowUps;

public static class FollowUpsServiceCollectionExtensions
{
    /// <summary>Registers follow-ups. A safety plan replaces <see cref="ICallbackWindow"/> by registering its own first.</summary>
    public static IServiceCollection AddHelplineFollowUps(this IServiceCollection services)
    {
        services.TryAddSingleton<ICallbackWindow, AnyTimeCallbackWindow>();
        services.AddSingleton<FollowUpNotifier>();
        services.AddSingleton<FollowUpService>();
        services.AddCaseTimelineSource<FollowUpTimelineSource>();
        services.AddSingleton<FollowUpDueMonitor>();
        services.AddHostedServiceAfterFirstResponse<FollowUpDueMonitor>();
        return services;
    }
}
