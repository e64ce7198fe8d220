using System.Net;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Integration;

public sealed class IdleTimeoutTests
{
    [Fact]
    public async Task A_session_left_idle_for_the_configured_time_must_sign_in_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "30" });
        await using var app = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var cookies = new System.Net.CookieContainer();
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(client, Accounts.Counsellor1, HelplineAppFactory.Password)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queue")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(31));
        var afterIdle = await client.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.Redirect, afterIdle.StatusCode);
        Assert.StartsWith("/account/login", afterIdle.Headers.Location?.AbsolutePath);
    }
}
