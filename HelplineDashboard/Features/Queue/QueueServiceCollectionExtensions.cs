namespace HelplineDashboard.Features.Queue;

public static class QueueServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QueuePageOptions>(configuration.GetSection(QueuePageOptions.SectionName));
        services.Configure<QueueHubOptions>(configuration.GetSection(QueueHubOptions.SectionName));
        services.AddSingleton<QueueNotifier>();
        services.AddSingleton<QueuedContactPool>();
        services.AddHelplineClaims();
        services.AddSingleton<HubSessionCheck>();
        services.AddHostedService<QueueHubRelay>();
        return services;
    }

    /// <summary>The queue service with its claim writer and memory of claimed contacts, and releases (without the hub).</summary>
    public static IServiceCollection AddHelplineClaims(this IServiceCollection services)
    {
        services.AddSingleton<ClaimedContacts>();
        services.AddSingleton<ClaimWriter>();
        services.AddSingleton<QueueService>();
        services.AddSingleton<ContactReleaseService>();
        return services;
    }

    public static IEndpointRouteBuilder MapHelplineQueue(this IEndpointRouteBuilder endpoints)
    {
        // Sign-in is checked when a connection opens, not again on every invocation: the hub checks on each claim
        // that the sign-in still holds (HubSessionCheck).
        endpoints.MapHub<QueueHub>(QueueHub.Path).RequireAuthorization();
        return endpoints;
    }
}
