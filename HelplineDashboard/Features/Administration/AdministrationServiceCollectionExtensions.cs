namespace HelplineDashboard.Features.Administration;

public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineAdministration(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAdministrationService>();
        return services;
    }
}
