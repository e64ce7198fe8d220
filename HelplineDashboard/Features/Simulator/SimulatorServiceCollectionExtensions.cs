namespace HelplineDashboard.Features.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>Adds the demo feed in Development when <c>Simulator:Enabled</c> is true.</summary>
    public static IServiceCollection AddHelplineSimulator(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<SimulatorOptions>(configuration.GetSection(SimulatorOptions.SectionName));
        services.AddSingleton<SimulatedMessages>();

        // Registered in every Development host; it reads Simulator:Enabled when it starts, after all configuration is in.
        if (environment.IsDevelopment())
        {
            services.AddHostedService<ContactSimulator>();
        }

        return services;
    }
}
