using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// Forwards every in-process queue change to the hub's clients of that line. Changes go through one queue, in the
/// order published. Every client that did not ask for batches hears each claim as one <see cref="IQueueClient.ContactClaimed"/>
/// at once. A client that asked for batches (<see cref="QueueHub.ClaimsQueryKey"/>) hears claims as one
/// <see cref="IQueueClient.ContactsClaimed"/> per line, at most once per <see cref="QueueHubOptions.ClaimBatchMilliseconds"/>
/// during a burst; any other change sends the claims folded before it first. See docs/decisions/0003-live-updates.md.
/// </summary>
public sealed class QueueHubRelay(
    QueueNotifier notifier,
    IHubContext<QueueHub, IQueueClient> hub,
    IOptionsMonitor<QueueHubOptions> options,
    TimeProvider time,
    ILogger<QueueHubRelay> logger) : IHostedService
{
    /// <summary>At most this many changes are taken from the queue at once, and at most this many claims go in one message.</summary>
    public const int MaxDrain = 512;

    private readonly Channel<QueueChange> _changes = Channel.CreateUnbounded<QueueChange>(new UnboundedChannelOptions { SingleReader = true });

    // Claims not yet sent to the clients that asked for batches, in order; touched by the pump only.
    private readonly List<ContactClaimed> _folded = [];
    private long _batchesSentAt;
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
        while (await NextChangesAsync())
        {
            while (taken.Count < MaxDrain && _changes.Reader.TryRead(out var change))
            {
                taken.Add(change);
            }

            Guard(() => Relay(taken), taken.Count);
            taken.Clear();
        }

        Guard(SendFoldedClaims, _folded.Count);
    }

    /// <summary>
    /// Waits for changes; while claims are folded, only until their message is due, then sends it. False when the app
    /// stops (the queue is complete and empty).
    /// </summary>
    private async Task<bool> NextChangesAsync()
    {
        while (_folded.Count > 0)
        {
            var due = TimeSpan.FromMilliseconds(options.CurrentValue.ClaimBatchMilliseconds) - time.GetElapsedTime(_batchesSentAt);
            if (due <= TimeSpan.Zero)
            {
                Guard(SendFoldedClaims, _folded.Count);
                break;
            }

            using var dueNow = new CancellationTokenSource(due, time);
            try
            {
                return await _changes.Reader.WaitToReadAsync(dueNow.Token);
            }
            catch (OperationCanceledException) when (dueNow.IsCancellationRequested)
            {
                // The folded claims are due: sent on the next turn.
            }
        }

        return await _changes.Reader.WaitToReadAsync();
    }

    private void Guard(Action relay, int count)
    {
        try
        {
            relay();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Relaying {Count} queue changes to hub clients failed", count);
        }
    }

    /// <summary>Sends the changes in order: claims to the clients that hear each one, and folded for the ones that asked for batches.</summary>
    private void Relay(List<QueueChange> changes)
    {
        foreach (var change in changes)
        {
            if (change is ContactClaimed claimed)
            {
                // Hub sends are not awaited: each connection takes messages in the order they were sent, and one
                // slow client waits alone.
                Watch(hub.Clients.Group(QueueHub.EachClaimGroup(claimed.Line)).ContactClaimed(claimed));
                _folded.Add(claimed);
                if (_folded.Count == MaxDrain)
                {
                    SendFoldedClaims();
                }
            }
            else
            {
                // Batch clients hear the claims before this change, as they happened.
                SendFoldedClaims();
                Watch(Send(change));
            }
        }
    }

    /// <summary>The folded claims, one message per line (each line's claims in order), to the clients that asked for batches.</summary>
    private void SendFoldedClaims()
    {
        if (_folded.Count == 0)
        {
            return;
        }

        foreach (var line in _folded.GroupBy(c => c.Line, StringComparer.Ordinal))
        {
            Watch(hub.Clients.Group(QueueHub.ClaimBatchesGroup(line.Key)).ContactsClaimed(new ContactsClaimed(line.Key, [.. line])));
        }

        _folded.Clear();
        _batchesSentAt = time.GetTimestamp();
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
