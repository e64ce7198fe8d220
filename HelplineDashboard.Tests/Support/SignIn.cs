using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HelplineDashboard.Tests.Support;

/// <summary>Signs in through the real login form (antiforgery and all) and hands back a client carrying the cookie.</summary>
public static partial class SignIn
{
    public static async Task<SignedInClient> AsAsync(HelplineAppFactory factory, string email, string? password = null)
    {
        var cookies = new CookieContainer();
        var client = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var response = await PostLoginAsync(client, email, password ?? HelplineAppFactory.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return new SignedInClient(client, cookies);
    }

    /// <summary>A client whose cookies are kept, not yet signed in.</summary>
    public static HttpClient AnonymousClient(HelplineAppFactory factory) =>
        factory.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "sign-in",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed record SignedInClient(HttpClient Client, CookieContainer Cookies) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
