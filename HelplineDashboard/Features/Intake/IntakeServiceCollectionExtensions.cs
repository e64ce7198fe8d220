using Microsoft.AspNetCore.Authentication;

namespace HelplineDashboard.Features.Intake;

public static class IntakeServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.SectionName));
        services.AddSingleton<IntakeValidator>();
        services.AddSingleton<IntakeWriter>();
        services.AddSingleton<IntakeService>();
        return services;
    }

    public static AuthenticationBuilder AddGatewayApiKeys(this AuthenticationBuilder authentication) =>
        authentication.AddScheme<AuthenticationSchemeOptions, GatewayAuthenticationHandler>(GatewayAuthenticationHandler.SchemeName, null);
}
