using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelplineDashboard.Features.Wallboard;

public static class WallboardServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineWallboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WallboardOptions>(configuration.GetSection(WallboardOptions.SectionName));
        services.TryAddSingleton<WallboardNotifier>();
        services.TryAddSingleton<ThresholdService>();
        services.TryAddSingleton<WallboardMetrics>();
        services.AddHostedService(provider => provider.GetRequiredService<WallboardMetrics>());
        services.AddHostedService<MetricsHubRelay>();
        services.TryAddSingleton<CaseReassignmentService>();
        services.AddWallboardAuthorization();
        return services;
    }
}
