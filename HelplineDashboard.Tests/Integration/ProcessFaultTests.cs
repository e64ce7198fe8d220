using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using FormSignIn = HelplineDashboard.Bench.Harness.SignIn;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// The real app as a separate process, stopped hard (SIGKILL) or politely (SIGTERM) in the middle of an intake
/// burst, then started again on the same database file. Each test is bounded: a fixed number of posts per gateway
/// and deadlines on every wait.
/// </summary>
[Collection(ProcessFaultCollection.Name)]
public sealed class ProcessFaultTests
{
    private const int Workers = 16;
    private const int PostsPerWorker = 400;
    private const int ClaimContacts = 300;
    private const int Claimers = 20;

    [Fact]
    public async Task Killing_the_app_mid_burst_keeps_every_acknowledged_contact_and_retries_after_restart_create_no_doubles()
    {
        await using var app = await AppUnderTest.StartAsync();
        var (burst, posting) = await BurstUnderWayAsync(app, "kill");
        await app.Current!.KillAsync();
        await posting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("ok", app.IntegrityCheck());
        var afterKill = app.StoredContacts();
        Assert.All(burst.Acknowledged, acked => Assert.Equal([acked.Value], afterKill.GetValueOrDefault(acked.Key)));

        // The gateway retries everything it sent: acknowledged or not, the same body.
        await app.RestartAsync();
        using var gateway = app.Gateway();
        foreach (var (externalId, body) in burst.Sent)
        {
            using var retry = await gateway.PostAsJsonAsync("/api/v1/contacts", body);
            var receipt = await retry.Content.ReadFromJsonAsync<IntakeBurst.Receipt>();
            if (burst.Acknowledged.TryGetValue(externalId, out var id))
            {
                Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
                Assert.Equal(id, receipt!.Id);
            }
            else
            {
                Assert.True(retry.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{externalId}: {retry.StatusCode}");
            }
        }

        await app.Current!.DisposeAsync();
        Assert.Equal("ok", app.IntegrityCheck());
        var stored = app.StoredContacts();
        Assert.Equal(burst.Sent.Keys.Order(), stored.Keys.Order());
        Assert.All(stored, contact => Assert.Single(contact.Value));
    }

    [Fact]
    public async Task Stopping_the_app_with_sigterm_mid_burst_answers_requests_in_flight_and_loses_none()
    {
        await using var app = await AppUnderTest.StartAsync();
        var (burst, posting) = await BurstUnderWayAsync(app, "term");
        var exitCode = await app.Current!.TerminateAsync(TimeSpan.FromSeconds(30));
        await posting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);

        // Answers given during shutdown are 201s or a 503 to retry later; never a 500.
        Assert.All(burst.OtherAnswers, other => Assert.Equal(HttpStatusCode.ServiceUnavailable, other.Value));
        Assert.Equal("ok", app.IntegrityCheck());
        var stored = app.StoredContacts();
        Assert.All(burst.Acknowledged, acked => Assert.Equal([acked.Value], stored.GetValueOrDefault(acked.Key)));

        // Anything not acknowledged is simply absent, never half there: it has no row at all or one whole row.
        Assert.All(stored, contact => Assert.Single(contact.Value));
    }

    [Fact]
    public async Task Stopping_the_app_with_sigterm_mid_claim_race_leaves_every_claim_whole_and_the_rest_claimable_after_restart()
    {
        await using var app = await AppUnderTest.StartAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var ids = await Gateway.PostManyAsync(app.Current!, ClaimContacts, deadline.Token);
        var race = new ClaimRace(ids);

        var before = await race.StartAsync(app.Current!.BaseAddress, Claimers, deadline.Token);
        await Eventually.MatchAsync(() => Task.FromResult(race.Won.Count), won => won >= 50, TimeSpan.FromSeconds(60), "50 claims won before the stop");
        var exitCode = await app.Current.TerminateAsync(TimeSpan.FromSeconds(30));
        await before.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Empty(race.Unexpected);
        Assert.Equal("ok", app.IntegrityCheck());
        var claimedAtStop = app.ClaimedContacts();
        Assert.Subset(claimedAtStop, race.Won.Keys.ToHashSet());
        Assert.True(claimedAtStop.Count < ClaimContacts, "the stop came before the race ended");
        AssertEveryClaimWhole(app);

        // After the restart the rest are claimed; what was claimed before the stop is refused, never won again.
        await app.RestartAsync();
        var after = await race.StartAsync(app.Current!.BaseAddress, Claimers, deadline.Token);
        await after.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Empty(race.Unexpected);
        Assert.All(race.Won, won => Assert.Equal(1, won.Value));
        Assert.Equal(ids.ToHashSet(), app.ClaimedContacts());
        AssertEveryClaimWhole(app);
    }

    /// <summary>A claimed contact has its case and exactly one audit line; a waiting one has neither.</summary>
    private static void AssertEveryClaimWhole(AppUnderTest app)
    {
        Assert.Equal(0, app.Count("""
            SELECT COUNT(*) FROM Contacts c
            WHERE c.Status = 'Claimed' AND (c.CaseId IS NULL OR c.ClaimedById IS NULL OR c.ClaimedAt IS NULL
                OR NOT EXISTS (SELECT 1 FROM Cases k WHERE k.Id = c.CaseId))
            """));
        Assert.Equal(0, app.Count("""
            SELECT COUNT(*) FROM Contacts
            WHERE Status = 'Waiting' AND (CaseId IS NOT NULL OR ClaimedById IS NOT NULL OR ClaimedAt IS NOT NULL)
            """));
        Assert.Equal(0, app.Count("""
            SELECT COUNT(*) FROM Contacts c
            WHERE (SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'ContactClaimed' AND a.Subject = 'contact:' || c.Id)
                <> (CASE c.Status WHEN 'Claimed' THEN 1 ELSE 0 END)
            """));
    }

    /// <summary>Sixteen gateways posting, and 150 contacts already acknowledged: the fault lands mid-burst.</summary>
    private static async Task<(IntakeBurst Burst, Task Posting)> BurstUnderWayAsync(AppUnderTest app, string prefix)
    {
        var burst = new IntakeBurst(app.Gateway(), prefix);
        var posting = burst.RunAsync(Workers, PostsPerWorker);
        await Eventually.MatchAsync(() => Task.FromResult(burst.Acknowledged.Count), count => count >= 150,
            TimeSpan.FromSeconds(60), "150 contacts acknowledged before the fault");
        return (burst, posting);
    }
}

/// <summary>
/// Hub connections (softphones) claiming the same waiting contacts at once, each from the first ten it does not know to
/// be taken, until none is left or its connection ends. Across several races (before and after a restart) it keeps
/// how often each contact was won and every answer that was neither a win nor "already claimed".
/// </summary>
public sealed class ClaimRace(IReadOnlyList<long> ids)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _taken = new();

    public System.Collections.Concurrent.ConcurrentDictionary<long, int> Won { get; } = new();

    public System.Collections.Concurrent.ConcurrentBag<string> Unexpected { get; } = [];

    /// <summary>Signs in, connects <paramref name="claimers"/> connections and lets them race; the task ends when every one has stopped.</summary>
    public async Task<Task> StartAsync(Uri baseAddress, int claimers, CancellationToken cancellationToken)
    {
        _taken.Clear();
        var cookies = await FormSignIn.AsAsync(baseAddress, FormSignIn.Supervisor, FormSignIn.DemoPassword, cancellationToken);
        var connections = new List<HubConnection>();
        for (var i = 0; i < claimers; i++)
        {
            var connection = QueueListener.Build(baseAddress, cookies);
            await connection.StartAsync(cancellationToken);
            connections.Add(connection);
        }

        return Task.WhenAll(connections.Select((connection, i) => Task.Run(async () =>
        {
            await using var _ = connection;
            await ClaimUntilNoneLeftAsync(connection, new Random(i), cancellationToken);
        }, cancellationToken)));
    }

    private async Task ClaimUntilNoneLeftAsync(HubConnection connection, Random random, CancellationToken cancellationToken)
    {
        while (true)
        {
            var open = ids.Where(id => !_taken.ContainsKey(id)).Take(10).ToList();
            if (open.Count == 0)
            {
                return;
            }

            var id = open[random.Next(open.Count)];
            Answer answer;
            try
            {
                answer = await connection.InvokeAsync<Answer>("Claim", id, cancellationToken);
            }
            catch (HubException ex)
            {
                Unexpected.Add($"contact {id}: the server answered an error: {ex.Message}");
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
            {
                return; // the connection ended (the app is stopping): the claim's outcome is read from the database
            }

            if (answer.Status == "Won")
            {
                Won.AddOrUpdate(id, 1, (_, wins) => wins + 1);
            }
            else if (answer.Status != "AlreadyClaimed")
            {
                Unexpected.Add($"contact {id}: {answer.Status}");
            }

            _taken.TryAdd(id, 0);
        }
    }

    private sealed record Answer(string Status, long? CaseId, string? ClaimedByName);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessFaultCollection
{
    public const string Name = "Process faults";
}
