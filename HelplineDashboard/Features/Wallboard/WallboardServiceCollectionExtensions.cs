using HelplineDashboard.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelplineDashboard.Features.Wallboard;

public static class WallboardServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineWallboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWallboardMetrics(configuration);
        services.AddHostedServiceAfterFirstResponse<WallboardMetrics>();
        services.TryAddSingleton<MetricsHubRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<MetricsHubRelay>());
        services.AddWallboardAuthorization();
        return services;
    }

    /// <summary>The metrics, thresholds and supervisor actions, without the background loop or the hub (component tests use this).</summary>
    public static IServiceCollection AddWallboardMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WallboardOptions>(configuration.GetSection(WallboardOptions.SectionName));
        services.TryAddSingleton<WallboardNotifier>();
        services.TryAddSingleton<ThresholdService>();
        services.TryAddSingleton<WallboardMetrics>();
        services.TryAddSingleton<CaseReassignmentService>();
        return services;
    }
}
