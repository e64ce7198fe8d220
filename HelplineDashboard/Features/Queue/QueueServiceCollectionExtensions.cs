namespace HelplineDashboard.Features.Queue;

public static class QueueServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineQueue(this IServiceCollection services)
    {
        services.AddSingleton<QueueNotifier>();
        services.AddSingleton<ClaimedContacts>();
        services.AddSingleton<ClaimWriter>();
        services.AddSingleton<QueueService>();
        services.AddSingleton<ContactReleaseService>();
        services.AddHostedService<QueueHubRelay>();
        return services;
    }

    public static IEndpointRouteBuilder MapHelplineQueue(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<QueueHub>(QueueHub.Path);
        return endpoints;
    }
}
