namespace HelplineDashboard.Common;

/// <summary>
/// An in-process publisher of changes. Services publish after they commit; components and hub relays subscribe and
/// dispose their subscription when they go away. One failing subscriber never stops the others.
/// See docs/decisions/0003-live-updates.md.
/// </summary>
public abstract class Notifier<TChange>(ILogger logger)
{
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>
    /// Calls <paramref name="onChange"/> for each change, in the subscriber's culture (a circuit's UI language), not
    /// the publisher's.
    /// </summary>
    public IDisposable Subscribe(Func<TChange, Task> onChange)
    {
        var subscriber = new Subscriber(onChange, CapturedCulture.Current);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    public async Task PublishAsync(TChange change)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        await Task.WhenAll(subscribers.Select(subscriber => DeliverAsync(subscriber, change)));
    }

    private async Task DeliverAsync(Subscriber subscriber, TChange change)
    {
        try
        {
            subscriber.Culture.Apply();
            await subscriber.OnChange(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A subscriber failed to handle {Change}", change?.GetType().Name);
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => !ReferenceEquals(s, subscriber)).ToArray();
        }
    }

    private sealed record Subscriber(Func<TChange, Task> OnChange, CapturedCulture Culture);

    private sealed class Subscription(Notifier<TChange> notifier, Subscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                notifier.Unsubscribe(subscriber);
            }
        }
    }
}
