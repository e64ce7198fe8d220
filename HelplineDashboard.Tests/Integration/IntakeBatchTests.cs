using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// Contacts posted at the same moment are committed together by the intake writer. Batching must not change what a
/// gateway is told: one contact per external id, a retry with the same body replays it, a changed body is refused,
/// and queue positions follow arrival.
/// </summary>
public sealed class IntakeBatchTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private readonly HttpClient _gateway = GatewayClient.For(factory);

    [Fact]
    public async Task Duplicates_posted_together_create_one_contact_replay_the_same_body_and_refuse_a_changed_one()
    {
        var same = GatewayClient.Contact("together-1", channel: "Sms", message: "help");
        var changed = GatewayClient.Contact("together-1", channel: "Sms", message: "a different message");

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(n => _gateway.PostContactAsync(n % 6 == 5 ? changed : same)));

        var created = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, answer.StatusCode.ToString());
            Assert.Equal(id, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }

        // Whichever body landed first, the other one is refused every time and the same one replayed every time.
        var conflicts = answers.Count(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.True(conflicts is 4 or 20, $"{conflicts} conflicts");
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.ExternalId == "together-1"));
    }

    [Fact]
    public async Task Contacts_posted_together_get_distinct_positions_in_the_order_they_were_stored()
    {
        await using var db = factory.CreateDbContext();
        var waitingBefore = await db.Contacts.CountAsync(c => c.Line == "117" && c.Status == Features.Contacts.ContactStatus.Waiting);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(n =>
            _gateway.PostContactAsync(GatewayClient.Contact($"burst-117-{n}", line: "117", from: $"+99655500{n:D4}"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var receipts = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<JsonElement>()));
        var positions = receipts
            .Select(r => (Id: r.GetProperty("id").GetInt64(), Position: r.GetProperty("position").GetInt32()))
            .OrderBy(r => r.Id)
            .Select(r => r.Position)
            .ToList();
        Assert.Equal(Enumerable.Range(waitingBefore + 1, 40), positions);
    }
}
