using System.Net;
using System.Text.RegularExpressions;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Integration;

public sealed partial class TwoFactorTests : IAsyncLifetime
{
    private readonly HelplineAppFactory _factory = new(useKestrel: false, new Dictionary<string, string?>
    {
        ["Security:RequireTwoFactorForSupervisorsAndAdmins"] = "true",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, string code)
    {
        var page = await client.GetStringAsync(path);
        var token = Antiforgery().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = handler,
            ["Input.Code"] = code,
        }));
    }

    [Fact]
    public async Task A_supervisor_without_a_second_factor_can_do_nothing_but_set_it_up_and_then_signs_in_with_codes()
    {
        using var supervisor = await SignIn.AsAsync(_factory, Accounts.Supervisor);
        var client = supervisor.Client;

        var queue = await client.GetAsync("/queue");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Equal("/account/setup-2fa", queue.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/hubs/queue/negotiate?negotiateVersion=1", null)).StatusCode);

        var setup = await client.GetStringAsync("/account/setup-2fa");
        var key = KeyOnPage().Match(setup).Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key));
        var wrong = await PostFormAsync(client, "/account/setup-2fa", "setup-two-factor", "000000");
        Assert.Contains("That code did not work", await wrong.Content.ReadAsStringAsync());

        var enabled = await PostFormAsync(client, "/account/setup-2fa", "setup-two-factor", Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queue")).StatusCode);

        // Next time: password, then the code.
        var fresh = SignIn.AnonymousClient(_factory);
        var password = await SignIn.PostLoginAsync(fresh, Accounts.Supervisor, HelplineAppFactory.Password);
        Assert.Equal("/account/login-2fa", password.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/queue")).StatusCode);
        var badCode = await PostFormAsync(fresh, "/account/login-2fa", "two-factor", "123456");
        Assert.Contains("That code did not work", await badCode.Content.ReadAsStringAsync());
        var goodCode = await PostFormAsync(fresh, "/account/login-2fa", "two-factor", Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, goodCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/queue")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_is_held_to_the_same_rule_and_a_counsellor_is_not()
    {
        using var admin = await SignIn.AsAsync(_factory, Accounts.Admin);
        using var counsellor = await SignIn.AsAsync(_factory, Accounts.Counsellor1);

        Assert.Equal("/account/setup-2fa", (await admin.Client.GetAsync("/audit")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await counsellor.Client.GetAsync("/queue")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("data-testid=\"authenticator-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyOnPage();
}
