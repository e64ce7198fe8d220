namespace HelplineDashboard.Features.Cases.Transfers;

public static class TransfersServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineTransfers(this IServiceCollection services)
    {
        services.AddSingleton<TransferNotifier>();
        services.AddSingleton<TransferService>();
        services.AddCaseTimelineSource<TransferTimelineSource>();
        return services;
    }
}
