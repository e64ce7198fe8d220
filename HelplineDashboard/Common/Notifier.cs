namespace HelplineDashboard.Common;

/// <summary>
/// An in-process publisher of changes. Services publish after they commit; components and hub relays subscribe and
/// dispose their subscription when they go away. One failing subscriber never stops the others. Services' subscribers
/// are awaited (a publisher knows they have seen the change); pages and hub relays are not (<see cref="SubscribeDetached"/>).
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
    public IDisposable Subscribe(Func<TChange, Task> onChange) => Subscribe(onChange, awaited: true);

    /// <summary>
    /// Subscribes a listener the publisher does not wait for: a page (its circuit applies and renders the change) or a
    /// relay to external clients (each hub connection writes it). The publisher hands the change over and goes on, so
    /// one slow circuit or one slow hub client never holds up an intake batch or a claim, however many are connected.
    /// <paramref name="onChange"/> must hand the change on at once (a page's <c>InvokeAsync</c>, a hub send, as its
    /// first call): the circuit's dispatcher, or the connection's writer, then takes changes in the order published.
    /// </summary>
    public IDisposable SubscribeDetached(Func<TChange, Task> onChange) => Subscribe(onChange, awaited: false);

    private IDisposable Subscribe(Func<TChange, Task> onChange, bool awaited)
    {
        var subscriber = new Subscriber(onChange, CapturedCulture.Current, awaited);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    public async Task PublishAsync(TChange change)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        var awaited = new List<Task>(subscribers.Length);
        foreach (var subscriber in subscribers)
        {
            var delivery = DeliverAsync(subscriber, change);
            if (subscriber.Awaited)
            {
                awaited.Add(delivery);
            }
        }

        await Task.WhenAll(awaited);
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

    private sealed record Subscriber(Func<TChange, Task> OnChange, CapturedCulture Culture, bool Awaited);

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
