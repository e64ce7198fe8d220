using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Queue;

/// <summary>Publishes contacts arriving in, and leaving, the live queue.</summary>
public sealed class QueueNotifier(ILogger<QueueNotifier> logger) : Notifier<QueueChange>(logger);
