using System.Diagnostics;
using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// One external client of <c>/hubs/queue</c> (the official .NET SignalR client, WebSockets, JSON with string enums),
/// signed in with a cookie. It keeps the <see cref="Stopwatch"/> timestamp at which each ContactQueued arrived.
/// </summary>
public sealed class QueueListener : IAsyncDisposable
{
    public const string HubPath = "hubs/queue";

    private readonly HubConnection _connection;
    private readonly List<(long Id, long At)> _received = new(capacity: 4096);

    private QueueListener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<PushedContact>("ContactQueued", contact =>
        {
            var at = Stopwatch.GetTimestamp();
            lock (_received)
            {
                _received.Add((contact.Id, at));
            }
        });
    }

    public int Count
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>A connection to the queue hub signed in with <paramref name="cookies"/>, not started yet; <paramref name="query"/> (e.g. <c>?claims=batched</c>) is added to the hub's URL.</summary>
    public static HubConnection Build(Uri baseAddress, CookieContainer cookies, string query = "") =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubPath + query), options => options.Cookies = cookies)
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
            .Build();

    public static async Task<QueueListener> ConnectAsync(Uri baseAddress, CookieContainer cookies, CancellationToken cancellationToken)
    {
        var connection = Build(baseAddress, cookies);
        var listener = new QueueListener(connection);
        await connection.StartAsync(cancellationToken);
        return listener;
    }

    /// <summary>Connects <paramref name="count"/> listeners, a few at a time.</summary>
    public static async Task<QueueListener[]> ConnectManyAsync(Uri baseAddress, CookieContainer cookies, int count, CancellationToken cancellationToken)
    {
        var listeners = new QueueListener[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => listeners[i] = await ConnectAsync(baseAddress, cookies, ct));
        return listeners;
    }

    public (long Id, long At)[] Received()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>The part of the pushed QueuedContact the harness needs.</summary>
    private sealed record PushedContact(long Id, string Line);
}
