using Microsoft.AspNetCore.SignalR;

namespace HelplineDashboard.Features.Queue;

/// <summary>Forwards every in-process queue change to the hub's clients of that line.</summary>
public sealed class QueueHubRelay(QueueNotifier notifier, IHubContext<QueueHub, IQueueClient> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Detached: the intake and claim writers do not wait for each of hundreds of hub connections to take the change.
        _subscription = notifier.SubscribeDetached(RelayAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task RelayAsync(QueueChange change)
    {
        var clients = hub.Clients.Group(QueueHub.LineGroup(change.Line));
        return change switch
        {
            ContactQueued queued => clients.ContactQueued(queued.Contact),

            // To an external client a released contact is simply waiting again, at its original arrival time.
            ContactReleased released => clients.ContactQueued(released.Contact),
            ContactClaimed claimed => clients.ContactClaimed(claimed),
            ContactAbandoned abandoned => clients.ContactAbandoned(abandoned),
            ContactRiskChanged risk => clients.ContactRiskChanged(risk),
            _ => Task.CompletedTask,
        };
    }
}
