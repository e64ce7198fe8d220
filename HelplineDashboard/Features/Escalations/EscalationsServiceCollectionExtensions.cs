using HelplineDashboard.Common;
namespace HelplineDashboard.Features.Escalations;

public static class EscalationsServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineEscalations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        services.AddSingleton<EscalationTargetCatalog>();
        services.AddSingleton<EscalationNotifier>();
        services.AddSingleton<EscalationService>();
        services.AddHostedServiceAfterFirstResponse<EscalationDispatcher>();

        // Redirects are not followed: a target that moved must be reconfigured, not guessed at.
        services.AddHttpClient(EscalationDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        return services;
    }

    public static IEndpointRouteBuilder MapHelplineEscalations(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        endpoints.MapEscalationCallbacks();
        if (environment.IsDevelopment())
        {
            endpoints.MapDevelopmentReceiver();
        }

        return endpoints;
    }
}
