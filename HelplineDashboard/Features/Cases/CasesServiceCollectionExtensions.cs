using HelplineDashboard.Features.Cases.Transfers;

namespace HelplineDashboard.Features.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseService>();
        services.AddSingleton<Lists.CaseListService>();
        services.AddHelplineTransfers();
        return services;
    }
}
