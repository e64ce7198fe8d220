namespace HelplineDashboard.Features.Lines;

public static class LinesServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineLines(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Dictionary<string, LineOptions>>(configuration.GetSection(LineOptions.SectionName));
        services.AddSingleton<LineCatalog>();
        return services;
    }
}
