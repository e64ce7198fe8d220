using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using HelplineDashboard.Features.Escalations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelplineDashboard.Tests.Support;

/// <summary>
/// A stand-in emergency service on a loopback port that the test controls: it records every delivery and answers
/// with the replies the test scripts (status, delay, Retry-After, redirect), then 200.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_dGVzdC1yZWNlaXZlci1zZWNyZXQtZm9yLWVzY2FsYXRpb25z";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly Channel<ReceivedDelivery> _arrivals = Channel.CreateUnbounded<ReceivedDelivery>();
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();

    private TestReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/escalations";

    public IReadOnlyCollection<ReceivedDelivery> Received => _received.ToArray();

    /// <summary>A loopback port with nobody listening on it (yet).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<TestReceiver> StartAsync(int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new TestReceiver(app, port);
        app.MapPost("/escalations", receiver.HandleAsync);
        app.MapPost("/moved", () => Results.Ok());
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Answers the next deliveries with these replies, in order; after them, 200.</summary>
    public void Script(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    public async Task<ReceivedDelivery> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(timeout.Token);
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = http.Request.Headers;
        var delivery = new ReceivedDelivery(
            headers[WebhookSignature.IdHeader].ToString(),
            headers[WebhookSignature.TimestampHeader].ToString(),
            WebhookSignature.Verify(Secret, headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader],
                headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow),
            System.Text.Encoding.UTF8.GetString(body),
            DateTimeOffset.UtcNow);
        _received.Enqueue(delivery);
        _arrivals.Writer.TryWrite(delivery);

        var reply = _replies.TryDequeue(out var scripted) ? scripted : Reply.Ok;
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (reply.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        http.Response.StatusCode = reply.Status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record Reply(int Status, TimeSpan Delay = default, int? RetryAfterSeconds = null, string? Location = null)
{
    public static Reply Ok { get; } = new(200);
}

public sealed record ReceivedDelivery(string Id, string Timestamp, bool SignatureValid, string Body, DateTimeOffset At);
