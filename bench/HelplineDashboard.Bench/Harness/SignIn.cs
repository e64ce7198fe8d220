using System.Net;
using System.Text.RegularExpressions;

namespace HelplineDashboard.Bench.Harness;

/// <summary>Signs in through the real form at <c>/account/login</c>, as a browser would, and keeps the cookies.</summary>
public static partial class SignIn
{
    public const string Supervisor = "supervisor@helpline.local";
    public const string DemoPassword = "Helpline-demo-2026!";
    public const string AuthCookie = "Helpline.Auth";

    public static async Task<CookieContainer> AsAsync(Uri baseAddress, string email, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };

        var form = await http.GetStringAsync("account/login", cancellationToken);
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException("The sign-in page has no __RequestVerificationToken.");

        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("_handler", "sign-in"),
            new("Input.Email", email),
            new("Input.Password", password),
        ]), cancellationToken);

        return cookies.GetCookies(baseAddress)[AuthCookie] is not null
            ? cookies
            : throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}, no {AuthCookie} cookie.");
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)"|<input[^>]*value="(?<token>[^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryToken();
}
