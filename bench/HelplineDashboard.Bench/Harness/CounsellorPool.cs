using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// Counsellors answering the queue, so that it stays short and steady under a constant arrival rate: each contact is
/// claimed through the queue hub's <c>Claim</c> (the same exactly-once service as the queue page) a fixed delay after its
/// 201, first answered first claimed, over a few hub connections, not waiting for one claim to finish before starting the next.
/// The contacts waiting at any moment are those answered (201) and not yet claimed; <see cref="Waiting"/> counts them.
/// </summary>
public sealed class CounsellorPool : IAsyncDisposable
{
    private readonly Channel<(long Id, long AnsweredAt)> _arrivals = Channel.CreateUnbounded<(long, long)>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly HubConnection[] _connections;
    private const int MaxClaimsInFlight = 64;
    private readonly Task _dispatcher;
    private readonly TimeSpan _delay;
    private readonly List<double> _latencies = [];
    private readonly List<int> _waitingSamples = [];
    private long _queued;
    private long _done;
    private int _won;
    private int _notWon;
    private int _errors;
    private ITimer? _sampler;

    private CounsellorPool(HubConnection[] connections, TimeSpan delay)
    {
        _connections = connections;
        _delay = delay;
        _dispatcher = Task.Run(ClaimInOrderAsync);
    }

    /// <summary>Contacts answered (201) and not yet claimed (or refused) by the pool.</summary>
    public long Waiting => Interlocked.Read(ref _queued) - Interlocked.Read(ref _done);

    public int Won => Volatile.Read(ref _won);

    /// <summary>Claims answered other than Won (AlreadyClaimed, Abandoned, NotFound): none are expected here.</summary>
    public int NotWon => Volatile.Read(ref _notWon);

    public int Errors => Volatile.Read(ref _errors);

    public static async Task<CounsellorPool> StartAsync(
        Uri baseAddress, CookieContainer cookies, int connections, TimeSpan delay, CancellationToken cancellationToken)
    {
        var hubs = new HubConnection[connections];
        await Parallel.ForAsync(0, connections, cancellationToken, async (i, ct) =>
        {
            hubs[i] = QueueListener.Build(baseAddress, cookies);
            await hubs[i].StartAsync(ct);
        });
        return new CounsellorPool(hubs, delay);
    }

    /// <summary>A contact the gateway got a 201 for: claimed <c>delay</c> after <paramref name="answeredAt"/> (a Stopwatch timestamp).</summary>
    public void Arrived(long id, long answeredAt)
    {
        Interlocked.Increment(ref _queued);
        _arrivals.Writer.TryWrite((id, answeredAt));
    }

    /// <summary>Samples <see cref="Waiting"/> every <paramref name="interval"/> until <see cref="StopSampling"/>.</summary>
    public void StartSampling(TimeSpan interval) =>
        _sampler = TimeProvider.System.CreateTimer(_ =>
        {
            lock (_waitingSamples)
            {
                _waitingSamples.Add((int)Waiting);
            }
        }, null, interval, interval);

    public void StopSampling() => _sampler?.Dispose();

    /// <summary>The waiting counts sampled, ascending.</summary>
    public List<double> WaitingSamples()
    {
        lock (_waitingSamples)
        {
            return [.. _waitingSamples.Select(w => (double)w).Order()];
        }
    }

    /// <summary>Claim-call latencies (ms), ascending.</summary>
    public List<double> ClaimLatencies()
    {
        lock (_latencies)
        {
            return [.. _latencies.Order()];
        }
    }

    /// <summary>Waits until everything that arrived has been claimed, or <paramref name="timeout"/> passed.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (Waiting > 0 && clock.Elapsed < timeout)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        StopSampling();
        _arrivals.Writer.TryComplete();
        await _dispatcher;
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
    }

    /// <summary>
    /// Takes the contacts in the order they were answered, waits until each is due and starts its claim on the next
    /// connection without waiting for the previous claim to finish (at most <see cref="MaxClaimsInFlight"/> at a time).
    /// </summary>
    private async Task ClaimInOrderAsync()
    {
        var next = 0;
        var inFlight = new SemaphoreSlim(MaxClaimsInFlight);
        var claims = new List<Task>();
        await foreach (var (id, answeredAt) in _arrivals.Reader.ReadAllAsync())
        {
            var due = _delay - Stopwatch.GetElapsedTime(answeredAt);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            await inFlight.WaitAsync();
            claims.Add(ClaimAsync(_connections[next++ % _connections.Length], id, inFlight));
            claims.RemoveAll(claim => claim.IsCompleted);
        }

        await Task.WhenAll(claims);
    }

    private async Task ClaimAsync(HubConnection connection, long id, SemaphoreSlim inFlight)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await connection.InvokeAsync<ClaimAnswer>("Claim", id);
            lock (_latencies)
            {
                _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            Interlocked.Increment(ref answer.Status == "Won" ? ref _won : ref _notWon);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _errors);
        }
        finally
        {
            Interlocked.Increment(ref _done);
            inFlight.Release();
        }
    }

    /// <summary>The hub's answer to Claim (status as a string: Won, AlreadyClaimed, Abandoned, NotFound).</summary>
    private sealed record ClaimAnswer(string Status, long? CaseId, string? ClaimedByName);
}
