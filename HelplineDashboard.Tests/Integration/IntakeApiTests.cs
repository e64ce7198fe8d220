using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

public sealed class IntakeApiTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private readonly HttpClient _gateway = GatewayClient.For(factory);

    private async Task<int> ContactCountAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Contacts.CountAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_valid_contact_is_created_with_location_and_queue_position()
    {
        var response = await _gateway.PostContactAsync(GatewayClient.Contact("created-1", region: "Almaty", message: "Мне нужна помощь"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal("Waiting", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("position").GetInt32() >= 1);
        Assert.Equal($"/api/v1/contacts/{id}", response.Headers.Location?.OriginalString);

        await using var db = factory.CreateDbContext();
        var stored = await db.Contacts.SingleAsync(c => c.Id == id);
        Assert.Equal("+77011234567", stored.From);
        Assert.Equal("Almaty", stored.Region);
        Assert.Equal(ContactStatus.Waiting, stored.Status);
    }

    [Fact]
    public async Task The_location_answers_the_contacts_status()
    {
        var created = await _gateway.PostContactAsync(GatewayClient.Contact("located-1"));

        var status = await _gateway.GetFromJsonAsync<JsonElement>(created.Headers.Location);

        Assert.Equal((await JsonAsync(created)).GetProperty("id").GetInt64(), status.GetProperty("id").GetInt64());
        Assert.Equal("Waiting", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Later_arrivals_get_later_positions_on_their_line()
    {
        var first = await JsonAsync(await _gateway.PostContactAsync(GatewayClient.Contact("position-kg-1", line: "117", from: "+996555000111")));
        var second = await JsonAsync(await _gateway.PostContactAsync(GatewayClient.Contact("position-kg-2", line: "117", from: "+996555000222")));

        Assert.Equal(first.GetProperty("position").GetInt32() + 1, second.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task A_retry_with_the_same_external_id_and_body_answers_200_with_the_same_id_and_creates_nothing()
    {
        var contact = GatewayClient.Contact("replay-1", channel: "Sms", message: "help");
        var first = await _gateway.PostContactAsync(contact);
        var countAfterFirst = await ContactCountAsync();

        var retry = await _gateway.PostContactAsync(contact);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetInt64(), (await JsonAsync(retry)).GetProperty("id").GetInt64());
        Assert.Equal(countAfterFirst, await ContactCountAsync());
    }

    [Fact]
    public async Task Concurrent_retries_of_one_contact_create_exactly_one()
    {
        var contact = GatewayClient.Contact("replay-race-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _gateway.PostContactAsync(contact)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("id").GetInt64()));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task The_same_external_id_with_a_different_body_is_a_conflict()
    {
        await _gateway.PostContactAsync(GatewayClient.Contact("conflict-1", message: "first"));
        var count = await ContactCountAsync();

        var response = await _gateway.PostContactAsync(GatewayClient.Contact("conflict-1", message: "second"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(count, await ContactCountAsync());
    }

    [Fact]
    public async Task The_same_external_id_from_another_gateway_is_another_contact()
    {
        var kzGateway = GatewayClient.For(factory, HelplineAppFactory.KazakhstanOnlyGatewayKey);

        var ours = await _gateway.PostContactAsync(GatewayClient.Contact("shared-id-1"));
        var theirs = await kzGateway.PostContactAsync(GatewayClient.Contact("shared-id-1"));

        Assert.Equal(HttpStatusCode.Created, ours.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
    }

    public static TheoryData<string, string> BrokenBodies => new()
    {
        { """{"line":"999","channel":"Voice","externalId":"bad-1","from":"+77011234567"}""", "line" },
        { """{"line":"111","channel":"Pigeon","externalId":"bad-2","from":"+77011234567"}""", "channel" },
        { """{"line":"111","channel":"Voice","from":"+77011234567"}""", "externalId" },
        { $$"""{"line":"111","channel":"Voice","externalId":"{{new string('x', 129)}}","from":"+77011234567"}""", "externalId" },
        { """{"line":"111","channel":"Voice","externalId":"bad-4"}""", "from" },
        { """{"line":"111","channel":"Voice","externalId":"bad-5","from":"+74951234567"}""", "from" },
        { """{"line":"117","channel":"Sms","externalId":"bad-6","from":"+77011234567"}""", "from" },
        { $$"""{"line":"111","channel":"Chat","externalId":"bad-7","from":"tg:x","message":"{{new string('m', 4001)}}"}""", "message" },
        { """{"line":"111","channel":"Voice","externalId":"bad-8","from":"+77011234567","urgent":"very"}""", "urgent" },
        { """{"line":"111","channel":"Voice",""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Bad_input_answers_400_problem_details_naming_the_field_and_writes_nothing(string json, string field)
    {
        var count = await ContactCountAsync();

        var response = await _gateway.PostAsync("/api/v1/contacts", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
        Assert.Equal(count, await ContactCountAsync());
    }

    [Fact]
    public async Task Every_broken_field_gets_its_own_error_entry()
    {
        var response = await _gateway.PostAsync("/api/v1/contacts", JsonContent.Create(new { line = "111", channel = "Voice" }));

        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("externalId", out _));
        Assert.True(errors.TryGetProperty("from", out _));
    }

    [Fact]
    public async Task A_body_over_64_KiB_answers_413_and_writes_nothing()
    {
        var count = await ContactCountAsync();
        var huge = $$"""{"line":"111","channel":"Chat","externalId":"huge-1","from":"tg:x","message":"{{new string('m', 70_000)}}"}""";

        var response = await _gateway.PostAsync("/api/v1/contacts", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(count, await ContactCountAsync());
    }

    [Fact]
    public async Task A_missing_api_key_answers_401_problem_details()
    {
        var anonymous = factory.CreateClient();

        var response = await anonymous.PostContactAsync(GatewayClient.Contact("no-key-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_api_key_answers_401_and_writes_nothing()
    {
        var count = await ContactCountAsync();

        var response = await GatewayClient.For(factory, "not-a-key").PostContactAsync(GatewayClient.Contact("wrong-key-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(count, await ContactCountAsync());
    }

    [Fact]
    public async Task A_gateway_cannot_post_to_a_line_it_is_not_configured_for()
    {
        var kzGateway = GatewayClient.For(factory, HelplineAppFactory.KazakhstanOnlyGatewayKey);

        var response = await kzGateway.PostContactAsync(GatewayClient.Contact("kg-from-kz-1", line: "117", from: "+996555123456"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Abandon_takes_a_waiting_contact_out_of_the_queue()
    {
        await _gateway.PostContactAsync(GatewayClient.Contact("abandon-1"));

        var response = await _gateway.PostAsync("/api/v1/contacts/abandon-1/abandon", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Abandoned", (await JsonAsync(response)).GetProperty("status").GetString());
        await using var db = factory.CreateDbContext();
        var stored = await db.Contacts.SingleAsync(c => c.ExternalId == "abandon-1");
        Assert.Equal(ContactStatus.Abandoned, stored.Status);
        Assert.NotNull(stored.AbandonedAt);
    }

    [Fact]
    public async Task Abandon_after_a_claim_answers_409_and_the_claim_stands()
    {
        var created = await JsonAsync(await _gateway.PostContactAsync(GatewayClient.Contact("abandon-claimed-1")));
        var queue = factory.Services.GetRequiredService<Features.Queue.QueueService>();
        await queue.ClaimAsync(created.GetProperty("id").GetInt64(), TestActors.Counsellor());

        var response = await _gateway.PostAsync("/api/v1/contacts/abandon-claimed-1/abandon", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Claimed, (await db.Contacts.SingleAsync(c => c.ExternalId == "abandon-claimed-1")).Status);
    }

    [Fact]
    public async Task Abandon_of_an_unknown_contact_answers_404()
    {
        var response = await _gateway.PostAsync("/api/v1/contacts/never-posted/abandon", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Abandon_is_safe_to_retry()
    {
        await _gateway.PostContactAsync(GatewayClient.Contact("abandon-twice-1"));

        await _gateway.PostAsync("/api/v1/contacts/abandon-twice-1/abandon", null);
        var retry = await _gateway.PostAsync("/api/v1/contacts/abandon-twice-1/abandon", null);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task A_gateway_cannot_abandon_another_gateways_contact()
    {
        await _gateway.PostContactAsync(GatewayClient.Contact("abandon-foreign-1"));
        var kzGateway = GatewayClient.For(factory, HelplineAppFactory.KazakhstanOnlyGatewayKey);

        var response = await kzGateway.PostAsync("/api/v1/contacts/abandon-foreign-1/abandon", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
