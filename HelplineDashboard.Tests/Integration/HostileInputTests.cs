using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// A seeded generator throws malformed and hostile input at every public API endpoint: truncated JSON, wrong types,
/// huge strings, control characters, emoji, right-to-left text, SQL and script fragments. Whatever comes in, the
/// answer is never a 500 and every refusal is RFC 9457 problem details; what is accepted is stored exactly as sent
/// and never echoed back unescaped. A failure names the seed and case to replay.
/// </summary>
public sealed class HostileInputTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private const int Seed = 20261123;
    private const int Cases = 250;

    private static readonly string[] Fragments =
    [
        "'; DROP TABLE Contacts; --", "\" OR 1=1 --", "Robert'); DELETE FROM Cases;--", "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd",
        "🆘💔👩‍👧‍👦🏳️‍🌈", "\u202Eمرحبا\u202C שלום", "Сәлеметсіз бе", "Саламатсызбы", "\u0000\u0001\u0007\u001b[31m\u007f",
        "\r\n\r\nX-Injected: 1", "%00%0d%0a", "\\u0000", "null", "true", "0", "-1", "9223372036854775808", "", " ", "\t",
    ];

    private static readonly string[] Fields = ["line", "channel", "externalId", "from", "language", "message", "region", "urgent"];

    private readonly HttpClient _gateway = GatewayClient.For(factory);
    private readonly HttpClient _anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Hostile_contacts_never_get_a_500_refusals_are_problem_details_and_accepted_ones_are_stored_as_sent()
    {
        var random = new Random(Seed);
        var accepted = new Dictionary<string, JsonObject>();
        for (var n = 0; n < Cases; n++)
        {
            var (body, json) = HostileContact(random, n);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await _gateway.PostAsync("/api/v1/contacts", content);
            var answer = await AssertSafeAsync(response, $"seed {Seed} case {n}: {Describe(body)}");
            if (response.StatusCode is HttpStatusCode.Created && json is not null)
            {
                accepted[answer.GetProperty("id").GetInt64().ToString()] = json;
            }
        }

        await using var db = factory.CreateDbContext();
        foreach (var (id, sent) in accepted)
        {
            var stored = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == long.Parse(id));
            if (sent["message"] is JsonValue message && message.TryGetValue<string>(out var text) && text.Length > 0)
            {
                Assert.Equal(text, stored.Message);
            }
        }
    }

    [Fact]
    public async Task Hostile_ids_and_paths_on_the_contact_endpoints_never_get_a_500_and_answer_problem_details()
    {
        var random = new Random(Seed + 1);
        for (var n = 0; n < Cases / 5; n++)
        {
            // The in-memory test server refuses a NUL in a path before the app sees it (Kestrel answers 400 itself).
            var segment = Uri.EscapeDataString(Hostile(random).Replace("\0", "", StringComparison.Ordinal));
            if (segment.Length == 0)
            {
                continue;
            }

            var what = $"seed {Seed + 1} case {n}: {segment}";
            await AssertSafeAsync(await _gateway.GetAsync($"/api/v1/contacts/{segment}"), what);
            await AssertSafeAsync(await _gateway.PostAsync($"/api/v1/contacts/{segment}/abandon", null), what);
            await AssertSafeAsync(await _anonymous.PostAsync($"/api/v1/contacts/{segment}/abandon", null), what);
        }
    }

    [Fact]
    public async Task Hostile_status_callbacks_never_get_a_500_and_answer_problem_details()
    {
        var random = new Random(Seed + 2);
        for (var n = 0; n < Cases / 5; n++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/escalations/{Guid.NewGuid()}/status")
            {
                Content = new ByteArrayContent(Mutate(random, Encoding.UTF8.GetBytes($$"""{"status":"{{Hostile(random).Replace("\"", "")}}"}"""))),
            };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("X-Helpline-Signature", Hostile(random));
            request.Headers.TryAddWithoutValidation("X-Helpline-Timestamp", Hostile(random));
            await AssertSafeAsync(await _anonymous.SendAsync(request), $"seed {Seed + 2} case {n}");
        }
    }

    [Fact]
    public async Task Hostile_sign_in_forms_never_get_a_500()
    {
        var random = new Random(Seed + 3);
        for (var n = 0; n < Cases / 10; n++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = Hostile(random),
                ["Input.Email"] = Hostile(random),
                ["Input.Password"] = Hostile(random),
                ["__RequestVerificationToken"] = Hostile(random),
            });
            using var response = await _anonymous.PostAsync("/account/login", form);
            Assert.True((int)response.StatusCode < 500, $"seed {Seed + 3} case {n}: {(int)response.StatusCode}");
        }
    }

    /// <summary>Never 5xx; an API refusal is problem details whose status is the response's; nothing echoes raw markup.</summary>
    private static async Task<JsonElement> AssertSafeAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what} → {status} {text}");
        Assert.False(text.Contains("<script", StringComparison.OrdinalIgnoreCase), $"{what} → {status} {response.Content.Headers.ContentType} {response.RequestMessage?.RequestUri}");
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        if (status < 400)
        {
            return JsonDocument.Parse(text).RootElement;
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{what} → {status} with {response.Content.Headers.ContentType?.MediaType ?? "no body"}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static (byte[] Body, JsonObject? Json) HostileContact(Random random, int n)
    {
        var json = new JsonObject
        {
            ["line"] = random.Next(2) == 0 ? "111" : "117",
            ["channel"] = "Chat",
            ["externalId"] = $"hostile-{n}",
            ["from"] = "handle-" + n,
            ["language"] = "ru",
            ["message"] = "help",
            ["urgent"] = false,
        };
        var hits = random.Next(1, 4);
        for (var i = 0; i < hits; i++)
        {
            var field = Fields[random.Next(Fields.Length)];
            json[field] = random.Next(5) switch
            {
                0 => JsonValue.Create(random.Next()),
                1 => new JsonArray(Hostile(random)),
                2 => new JsonObject { ["x"] = Hostile(random) },
                3 => null,
                _ => Hostile(random),
            };
        }

        if (json["externalId"] is JsonValue id && id.TryGetValue<string>(out var externalId))
        {
            json["externalId"] = externalId + "-" + n;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(json);
        return random.Next(4) == 0 ? (Mutate(random, body), null) : (body, json);
    }

    /// <summary>Truncated, padded with junk, a lone surrogate, or left as it is.</summary>
    private static byte[] Mutate(Random random, byte[] body) => random.Next(5) switch
    {
        0 => body[..random.Next(body.Length)],
        1 => [.. body, .. Encoding.UTF8.GetBytes("}{,]")],
        2 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"", "", StringComparison.Ordinal)),
        3 => [.. body[..(body.Length / 2)], 0xC3, 0x28, 0xFF, .. body[(body.Length / 2)..]],
        _ => Encoding.UTF8.GetBytes("[\"\\ud800\", " + Encoding.UTF8.GetString(body) + "]"),
    };

    private static string Hostile(Random random) => random.Next(8) switch
    {
        0 => new string('A', random.Next(1, 4) * 40_000),
        1 => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Fragments[random.Next(Fragments.Length)])),
        _ => Fragments[random.Next(Fragments.Length)],
    };

    private static string Describe(byte[] body) =>
        body.Length > 120 ? $"{body.Length} bytes: {Encoding.UTF8.GetString(body[..120])}…" : Encoding.UTF8.GetString(body);
}
