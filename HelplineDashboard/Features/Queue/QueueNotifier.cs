namespace HelplineDashboard.Features.Queue;

/// <summary>
/// The in-process publisher of queue changes. Services publish after they commit; components and the hub
/// relay subscribe and dispose their subscription when they go away.
/// </summary>
public sealed class QueueNotifier(ILogger<QueueNotifier> logger)
{
    private readonly Lock _gate = new();
    private Func<QueueChange, Task>[] _subscribers = [];

    public IDisposable Subscribe(Func<QueueChange, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Subscription(this, onChange);
    }

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public async Task PublishAsync(QueueChange change)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        var deliveries = subscribers.Select(subscriber => DeliverAsync(subscriber, change));
        await Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(Func<QueueChange, Task> subscriber, QueueChange change)
    {
        try
        {
            await subscriber(change);
        }
        catch (Exception ex)
        {
            // One broken circuit must never stop the others from hearing about a contact.
            logger.LogWarning(ex, "A queue subscriber failed to handle {Change} for contact {ContactId}", change.GetType().Name, change.ContactId);
        }
    }

    private void Unsubscribe(Func<QueueChange, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => !ReferenceEquals(s, onChange)).ToArray();
        }
    }

    private sealed class Subscription(QueueNotifier notifier, Func<QueueChange, Task> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                notifier.Unsubscribe(onChange);
            }
        }
    }
}
