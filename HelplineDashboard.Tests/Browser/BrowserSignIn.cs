using System.Text.RegularExpressions;
using HelplineDashboard.Tests.Support;
using Microsoft.Playwright;

namespace HelplineDashboard.Tests.Browser;

/// <summary>Signs a page in through the real sign-in form.</summary>
public static partial class BrowserSignIn
{
    public const string LoginPath = "account/login";

    public static async Task SignInAsync(this IPage page, string email, string? password = null)
    {
        await page.SubmitSignInAsync(email, password ?? HelplineAppFactory.Password);
        await page.WaitForURLAsync(QueueUrl());
    }

    /// <summary>Opens the sign-in page, fills it in and submits it, without waiting for where it leads.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync(LoginPath);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    [GeneratedRegex(@"/queue$")]
    public static partial Regex QueueUrl();

    [GeneratedRegex(@"/account/login(\?|$)")]
    public static partial Regex LoginUrl();
}
