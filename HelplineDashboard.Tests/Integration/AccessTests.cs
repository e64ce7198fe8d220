using System.Net;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Integration;

public sealed class AccessTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/queue")]
    [InlineData("/cases")]
    [InlineData("/cases/1")]
    public async Task Pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await SignIn.AnonymousClient(factory).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_queue_hub_refuses_anonymous_clients()
    {
        var response = await SignIn.AnonymousClient(factory).PostAsync("/hubs/queue/negotiate?negotiateVersion=1", null);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"got {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_and_its_styles_are_open_to_everyone()
    {
        var client = SignIn.AnonymousClient(factory);

        var page = await client.GetAsync("/account/login");
        var styles = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task A_counsellor_signs_in_and_sees_the_queue()
    {
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor1);

        var response = await counsellor.Client.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("blazor.web", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_gets_the_generic_message_and_no_cookie()
    {
        var client = SignIn.AnonymousClient(factory);

        var response = await SignIn.PostLoginAsync(client, Accounts.Counsellor2, "not-the-password");
        var unknown = await SignIn.PostLoginAsync(client, "nobody@helpline.local", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var wrongPasswordPage = await response.Content.ReadAsStringAsync();
        var unknownUserPage = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("Sign-in failed", wrongPasswordPage);
        Assert.Contains("Sign-in failed", unknownUserPage);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/queue")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_without_a_counsellor_role_does_not_get_the_queue()
    {
        using var admin = await SignIn.AsAsync(factory, Accounts.Admin);

        var response = await admin.Client.GetAsync("/queue");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_access()
    {
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor2);
        // The sign-in page is rendered on the server and carries an antiforgery token bound to the signed-in user.
        var formPage = await counsellor.Client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(formPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var signOut = await counsellor.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await counsellor.Client.GetAsync("/queue")).StatusCode);
    }
}
