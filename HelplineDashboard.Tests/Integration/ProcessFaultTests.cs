using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Tests.Support;

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

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessFaultCollection
{
    public const string Name = "Process faults";
}
