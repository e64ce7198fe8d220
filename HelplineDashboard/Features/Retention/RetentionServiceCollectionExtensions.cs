using HelplineDashboard.Common;
namespace HelplineDashboard.Features.Retention;

public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.SectionName));
        services.AddSingleton<RetentionService>();
        services.AddHostedServiceAfterFirstResponse<RetentionService>();
        return services;
    }
}
