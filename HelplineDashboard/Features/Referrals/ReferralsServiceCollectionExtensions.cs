using HelplineDashboard.Features.Cases;

namespace HelplineDashboard.Features.Referrals;

public static class ReferralsServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineReferrals(this IServiceCollection services)
    {
        services.AddSingleton<ReferralService>();
        services.AddCaseTimelineSource<ReferralTimelineSource>();
        return services;
    }
}
