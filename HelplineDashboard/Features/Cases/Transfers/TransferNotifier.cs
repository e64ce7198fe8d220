using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>Publishes transfers as they are requested, accepted, declined or withdrawn.</summary>
public sealed class TransferNotifier(ILogger<TransferNotifier> logger) : Notifier<TransferChanged>(logger);
