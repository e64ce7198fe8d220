using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// Forwards every in-process queue change to the hub's clients of that line. Changes go through one queue, in the
/// order published; claims that follow one another (a claim batch commits together) reach a client that asked for
/// batches (<see cref="QueueHub.ClaimsQueryKey"/>) as one <see cref="IQueueClient.ContactsClaimed"/> per line, and every
/// other client as one <see cref="IQueueClient.ContactClaimed"/> each. See docs/decisions/0003-live-updates.md.
/// </summary>
public sealed class QueueHubRelay(QueueNotifier notifier, IHubContext<QueueHub, IQueueClient> hub, ILogger<QueueHubRelay> logger) : IHostedService
{
    /// <summary>At most this many changes are taken from the queue at once (and so at most this many claims in one message).</summary>
    public const int MaxDrain = 512;

    private readonly Channel<QueueChange> _changes = Channel.CreateUnbounded<QueueChange>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? _subscription;
    private Task? _pump;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Detached: the intake and claim writers hand a change over and go on; they never wait for hundreds of hub
        // connections to take it.
        _subscription = notifier.SubscribeDetached(change =>
        {
            _changes.Writer.TryWrite(change);
            return Task.CompletedTask;
        });
        _pump = Task.Run(PumpAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _changes.Writer.TryComplete();
        if (_pump is not null)
        {
            await _pump.WaitAsync(cancellationToken);
        }
    }

    private async Task PumpAsync()
    {
        var taken = new List<QueueChange>(MaxDrain);
        while (await _changes.Reader.WaitToReadAsync())
        {
            while (taken.Count < MaxDrain && _changes.Reader.TryRead(out var change))
            {
                taken.Add(change);
            }

            try
            {
                Relay(taken);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Relaying {Count} queue changes to hub clients failed", taken.Count);
            }

            taken.Clear();
        }
    }

    /// <summary>Sends the changes in order; a run of claims on one line goes as one batch to the clients that asked for batches.</summary>
    private void Relay(List<QueueChange> changes)
    {
        var claims = new List<ContactClaimed>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is ContactClaimed claimed)
            {
                claims.Add(claimed);
                var next = i + 1 < changes.Count ? changes[i + 1] : null;
                if (next is ContactClaimed { Line: var nextLine } && nextLine == claimed.Line)
                {
                    continue;
                }

                // Hub sends are not awaited: each connection takes messages in the order they were sent, and one
                // slow client waits alone.
                Watch(hub.Clients.Group(QueueHub.ClaimBatchesGroup(claimed.Line)).ContactsClaimed(new ContactsClaimed(claimed.Line, [.. claims])));
                var each = hub.Clients.Group(QueueHub.EachClaimGroup(claimed.Line));
                foreach (var one in claims)
                {
                    Watch(each.ContactClaimed(one));
                }

                claims.Clear();
            }
            else
            {
                Watch(Send(changes[i]));
            }
        }
    }

    private Task Send(QueueChange change)
    {
        var clients = hub.Clients.Group(QueueHub.LineGroup(change.Line));
        return change switch
        {
            ContactQueued queued => clients.ContactQueued(queued.Contact),

            // To an external client a released contact is simply waiting again, at its original arrival time.
            ContactReleased released => clients.ContactQueued(released.Contact),
            ContactAbandoned abandoned => clients.ContactAbandoned(abandoned),
            ContactRiskChanged risk => clients.ContactRiskChanged(risk),
            _ => Task.CompletedTask,
        };
    }

    private void Watch(Task send)
    {
        if (!send.IsCompletedSuccessfully)
        {
            send.ContinueWith(
                failed => logger.LogWarning(failed.Exception, "A hub client could not be sent a queue change"),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
