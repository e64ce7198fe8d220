namespace HelplineDashboard.Common;

/// <summary>
/// An in-process publisher of changes. Services publish after they commit; components and hub relays subscribe and
/// dispose their subscription when they go away. One failing subscriber never stops the others.
/// See docs/decisions/0003-live-updates.md.
/// </summary>
public abstract class Notifier<TChange>(ILogger logger)
{
    private readonly Lock _gate = new();
    private Func<TChange, Task>[] _subscribers = [];

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public IDisposable Subscribe(Func<TChange, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Subscription(this, onChange);
    }

    public async Task PublishAsync(TChange change)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        await Task.WhenAll(subscribers.Select(subscriber => DeliverAsync(subscriber, change)));
    }

    private async Task DeliverAsync(Func<TChange, Task> subscriber, TChange change)
    {
        try
        {
            await subscriber(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A subscriber failed to handle {Change}", change?.GetType().Name);
        }
    }

    private void Unsubscribe(Func<TChange, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => !ReferenceEquals(s, onChange)).ToArray();
        }
    }

    private sealed class Subscription(Notifier<TChange> notifier, Func<TChange, Task> onChange) : IDisposable
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
