using HelplineDashboard.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

public sealed class SignInTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task Anonymous_visitor_to_the_queue_ends_on_the_sign_in_page() => RunAsync(async () =>
    {
        var page = await NewPageAsync();

        await page.GotoAsync("queue");

        await Expect(page).ToHaveURLAsync(BrowserSignIn.LoginUrl());
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("queue-table")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Wrong_password_shows_the_generic_error_and_stays_on_the_sign_in_page() => RunAsync(async () =>
    {
        var page = await NewPageAsync();

        await page.SubmitSignInAsync(Accounts.Supervisor, "Not-the-password-2026!");

        await Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(BrowserSignIn.LoginUrl());
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task An_administrator_lands_on_the_users_page_and_a_counsellor_on_the_queue() => RunAsync(async () =>
    {
        var admin = await NewPageAsync();
        var counsellor = await NewPageAsync();

        await admin.SubmitSignInAsync(Accounts.Admin, HelplineAppFactory.Password);
        await counsellor.SubmitSignInAsync(Accounts.Counsellor2, HelplineAppFactory.Password);

        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/users$"));
        await Expect(counsellor).ToHaveURLAsync(BrowserSignIn.QueueUrl());
        await Expect(counsellor.GetByTestId("queue-table")).ToBeVisibleAsync();
    });
}
