using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelplineDashboard.Data.Protection;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Two_contacts_of_one_caller_in_the_same_batch_count_each_other_and_both_queue_at_the_callers_known_risk()
    {
        const string number = "+77017770001";
        var first = await GatewayClient.QueueContactAsync(factory, GatewayClient.Contact("batch-caller-1", from: number));
        var counsellor = TestActors.Counsellor();
        var caseId = (await factory.Services.GetRequiredService<QueueService>().ClaimAsync(first, counsellor)).CaseId!.Value;
        await using (var write = factory.CreateDbContext())
        {
            await write.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Risk, RiskLevel.High));
        }

        var callerKey = factory.Services.GetRequiredService<CallerKeyHasher>().Hash(number);
        var arrived = DateTime.UtcNow;
        var batch = new[] { NewContact("batch-caller-2", callerKey, arrived), NewContact("batch-caller-3", callerKey, arrived) };
        await using var db = factory.CreateDbContext();
        var stored = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == first);

        await CallerHistory.NoteAsync(db, batch, CancellationToken.None);

        Assert.Equal([1, 2], batch.Select(c => c.EarlierContacts));
        Assert.Equal(stored.ArrivedAt, batch[0].LastContactAt);
        Assert.Equal(arrived, batch[1].LastContactAt);
        Assert.All(batch, c => Assert.Equal(RiskLevel.High, c.Risk));
    }

    [Fact]
    public async Task A_new_callers_contacts_in_one_batch_see_only_each_other_and_another_line_keeps_its_own_count()
    {
        var callerKey = factory.Services.GetRequiredService<CallerKeyHasher>().Hash("+77017770002");
        var arrived = DateTime.UtcNow;
        var batch = new[]
        {
            NewContact("batch-new-1", callerKey, arrived), NewContact("batch-new-2", callerKey, arrived, line: "117"),
            NewContact("batch-new-3", callerKey, arrived), NewContact("batch-new-4", "", arrived), NewContact("batch-new-5", "", arrived),
        };
        await using var db = factory.CreateDbContext();

        await CallerHistory.NoteAsync(db, batch, CancellationToken.None);

        Assert.Equal([0, 0, 1, 0, 0], batch.Select(c => c.EarlierContacts));
        Assert.Equal([null, null, arrived, null, null], batch.Select(c => c.LastContactAt));
        Assert.All(batch, c => Assert.Equal(RiskLevel.Standard, c.Risk));
    }

    [Fact]
    public async Task A_contact_written_by_the_intake_writer_reads_back_exactly_as_posted()
    {
        var posted = GatewayClient.Contact("batch-roundtrip", line: "117", channel: "Sms", from: "+996555123456", language: "ky",
            message: "Жардам керек", region: "Bishkek", urgent: true);

        var id = await GatewayClient.QueueContactAsync(factory, posted);

        await using var db = factory.CreateDbContext();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(("117", ContactChannel.Sms, "+996555123456", "ky", "Жардам керек", "Bishkek", true, ContactStatus.Waiting),
            (contact.Line, contact.Channel, contact.From, contact.Language, contact.Message, contact.Region, contact.Urgent, contact.Status));
        Assert.Equal(DateTimeKind.Utc, contact.ArrivedAt.Kind);
        Assert.InRange(contact.ArrivedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(factory.Services.GetRequiredService<CallerKeyHasher>().Hash("+996555123456"), contact.CallerKey);
        Assert.Null(contact.CaseId);
        Assert.Null(contact.ClaimedAt);
    }

    private static Contact NewContact(string externalId, string callerKey, DateTime arrived, string line = "111") => new()
    {
        Line = line,
        Gateway = "test",
        ExternalId = externalId,
        From = "+77017770000",
        CallerKey = callerKey,
        Language = "ru",
        ArrivedAt = arrived,
        RequestFingerprint = externalId,
    };
}
