using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HelplineDashboard.Bench.Harness;

/// <summary>A gateway posting contacts to <c>POST /api/v1/contacts</c> over up to <c>connections</c> keep-alive connections.</summary>
public sealed class Gateway : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public Gateway(IAppTarget app, int connections)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKey);
    }

    /// <summary>
    /// Posts one contact. <see cref="Posted.AnsweredAt"/> is the <see cref="Stopwatch"/> timestamp at which the answer's
    /// headers arrived: the moment the intake answered.
    /// </summary>
    public async Task<Posted> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await _http.PostAsync("api/v1/contacts", content, cancellationToken);
            var answeredAt = Stopwatch.GetTimestamp();
            long? id = null;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var receipt = await JsonSerializer.DeserializeAsync<Receipt>(stream, JsonSerializerOptions.Web, cancellationToken);
                id = receipt?.Id;
            }

            return new Posted((int)response.StatusCode, id, sentAt, answeredAt, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Posted(0, null, sentAt, Stopwatch.GetTimestamp(), ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>Posts <paramref name="count"/> distinct contacts over 32 connections; the ids in ascending order.</summary>
    /// <summary>
    /// Posts <paramref name="count"/> contacts and returns their ids. Callers' numbers follow the contacts' numbers from
    /// <paramref name="firstNumber"/> on: two calls with ranges that do not overlap post distinct callers.
    /// </summary>
    public static async Task<List<long>> PostManyAsync(IAppTarget app, int count, CancellationToken cancellationToken, long firstNumber = 1)
    {
        using var gateway = new Gateway(app, connections: 32);
        var bodies = new ContactBodies(Guid.NewGuid().ToString("N")[..8], firstNumber);
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (_, ct) =>
            {
                var posted = await gateway.PostAsync(bodies.Next(), ct);
                if (!posted.Created)
                {
                    throw new InvalidOperationException($"Setting up the queue failed: {posted.Status} {posted.Error}");
                }

                ids.Add(posted.Id!.Value);
            });
        return [.. ids.Order()];
    }

    public void Dispose() => _http.Dispose();

    private sealed record Receipt(long Id);
}

public sealed record Posted(int Status, long? Id, long SentAt, long AnsweredAt, string? Error)
{
    public bool Created => Status == (int)HttpStatusCode.Created && Id is not null;

    public double Milliseconds => Stopwatch.GetElapsedTime(SentAt, AnsweredAt).TotalMilliseconds;
}

/// <summary>
/// Valid, distinct contacts for both lines: a Kazakh voice call on 111 and a Kyrgyz SMS on 117, alternately, each with
/// a short message (about the size of a real SMS) and a unique externalId.
/// </summary>
public sealed class ContactBodies(string runTag, long firstNumber = 1)
{
    public const string Message = "Benchmark contact: please call back, I cannot talk now, neighbours are listening. Not a real person.";

    private long _next = firstNumber - 1;

    public byte[] Next() => Create(Interlocked.Increment(ref _next));

    public byte[] Create(long n) => JsonSerializer.SerializeToUtf8Bytes(Contact(runTag, n), JsonSerializerOptions.Web);

    /// <summary>The fields of contact <paramref name="n"/>; the disk floor writes rows of the same size.</summary>
    public static ContactFields Contact(string runTag, long n) => (n % 2 == 0)
        ? new ContactFields("111", "Voice", $"bench-{runTag}-{n}", $"+7701{n % 10_000_000:D7}", "ru", Message, "Almaty", n % 10 == 0)
        : new ContactFields("117", "Sms", $"bench-{runTag}-{n}", $"+996555{n % 1_000_000:D6}", "ky", Message, "Bishkek", n % 10 == 1);
}

public sealed record ContactFields(
    string Line, string Channel, string ExternalId, string From, string Language, string Message, string Region, bool Urgent);
