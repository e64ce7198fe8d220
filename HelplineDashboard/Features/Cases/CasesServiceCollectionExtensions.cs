namespace HelplineDashboard.Features.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseService>();
        return services;
    }
}
