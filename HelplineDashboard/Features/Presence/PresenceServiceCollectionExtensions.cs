using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelplineDashboard.Features.Presence;

public static class PresenceServiceCollectionExtensions
{
    public static IServiceCollection AddHelplinePresence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PresenceOptions>(configuration.GetSection(PresenceOptions.SectionName));
        services.TryAddSingleton<PresenceNotifier>();
        services.TryAddSingleton<PresenceService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, PresenceCircuitHandler>());
        return services;
    }
}
