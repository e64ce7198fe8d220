using System.Net;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class SecurityTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/queue")]
    [InlineData("/api/v1/contacts/1")]
    public async Task Every_answer_carries_the_protective_headers_and_is_not_cached(string path)
    {
        var response = await SignIn.AnonymousClient(factory).GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} must not be cached");
    }

    [Fact]
    public async Task Static_assets_keep_their_own_caching()
    {
        var response = await SignIn.AnonymousClient(factory).GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_hub_refuses_a_foreign_origin_and_admits_its_own()
    {
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor1);
        var foreign = new HttpRequestMessage(HttpMethod.Post, "/hubs/queue/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "https://evil.example");
        var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/queue/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", factory.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        var circuit = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        circuit.Headers.Add("Origin", "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.Client.SendAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await counsellor.Client.SendAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.Client.SendAsync(circuit)).StatusCode);
    }

    [Fact]
    public async Task Deleted_content_is_overwritten_on_disk()
    {
        await using var db = factory.CreateDbContext();

        var secureDelete = await db.Database.SqlQueryRaw<long>("PRAGMA secure_delete").ToListAsync();

        Assert.Equal(1, Assert.Single(secureDelete));
    }
}

public sealed class ProductionHardeningTests
{
    [Fact]
    public async Task Outside_Development_HSTS_lasts_a_year_and_cookies_are_Host_prefixed_and_secure()
    {
        await using var factory = new HelplineAppFactory(useKestrel: false, environment: "Production");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://helpline.example/"),
            AllowAutoRedirect = false,
        });

        var page = await client.GetAsync("/account/login");

        var hsts = Assert.Single(page.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1]);
        Assert.True(maxAge >= 31_536_000, hsts);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("__Host-Helpline.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Features.Accounts.AccountSeeder>()
                .CreateAdministratorAsync("first.admin@ministry.example", "First Admin", "A-long-enough-passphrase-1");
        }

        var signedIn = await SignIn.PostLoginAsync(client, "first.admin@ministry.example", "A-long-enough-passphrase-1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-Helpline.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task Intake_answers_429_with_Retry_After_when_one_key_posts_too_fast_and_other_keys_go_on()
    {
        await using var factory = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?> { ["Security:IntakePerKeyPerSecond"] = "3" });
        var gateway = GatewayClient.For(factory);
        var other = GatewayClient.For(factory, HelplineAppFactory.KazakhstanOnlyGatewayKey);

        // At once, not one after another: on a loaded machine eight sequential posts can take longer than the window.
        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => gateway.PostContactAsync(GatewayClient.Contact($"burst-{i}"))));

        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r =>
        {
            Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(HttpStatusCode.Created, (await other.PostContactAsync(GatewayClient.Contact("other-key-1"))).StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(burst.Count(r => r.StatusCode == HttpStatusCode.Created), await db.Contacts.CountAsync(c => c.ExternalId.StartsWith("burst-")));
    }

    [Fact]
    public async Task Sign_in_is_limited_per_account_and_address_even_with_the_right_password()
    {
        await using var factory = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?> { ["Security:SignInAttemptsPerAccountAndAddress"] = "3" });
        var client = SignIn.AnonymousClient(factory);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(client, Accounts.Counsellor2, "wrong password")).StatusCode);
        }

        var throttled = await SignIn.PostLoginAsync(client, Accounts.Counsellor2, HelplineAppFactory.Password);
        var anotherAccount = await SignIn.PostLoginAsync(SignIn.AnonymousClient(factory), Accounts.Counsellor1, HelplineAppFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many sign-in attempts", await throttled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, anotherAccount.StatusCode);
    }
}
