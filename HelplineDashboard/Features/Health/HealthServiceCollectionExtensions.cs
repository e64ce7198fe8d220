namespace HelplineDashboard.Features.Health;

public static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineHealth(this IServiceCollection services)
    {
        services.AddSingleton<HealthNotifier>();
        services.AddSingleton<ServiceHealth>();
        return services;
    }
}
