namespace HelplineDashboard.Features.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>Adds the demo feed in Development when <c>Simulator:Enabled</c> is true.</summary>
    public static IServiceCollection AddHelplineSimulator(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SimulatorOptions.SectionName);
        services.Configure<SimulatorOptions>(section);
        if (environment.IsDevelopment() && section.GetValue<bool>(nameof(SimulatorOptions.Enabled)))
        {
            services.AddHostedService<ContactSimulator>();
        }

        return services;
    }
}
