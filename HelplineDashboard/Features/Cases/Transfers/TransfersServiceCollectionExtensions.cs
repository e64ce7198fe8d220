namespace HelplineDashboard.Features.Cases.Transfers;

public static class TransfersServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineTransfers(this IServiceCollection services)
    {
        services.AddSingleton<TransferNotifier>();
        services.AddSingleton<TransferService>();
        return services;
    }
}
