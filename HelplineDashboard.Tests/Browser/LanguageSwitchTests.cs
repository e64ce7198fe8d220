using System.Text.RegularExpressions;
using HelplineDashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

public sealed partial class LanguageSwitchTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Password = "Kazakh-and-Russian-2026!";

    /// <summary>A counsellor of their own, so the language saved on their account cannot reach other tests.</summary>
    private Task<string> NewCounsellorAsync() => BrowserSteps.NewCounsellorAsync(Browser.App, Password);

    private static async Task ChooseLanguageAsync(IPage page, string code)
    {
        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByTestId($"language-{code}").ClickAsync();
    }

    [Fact]
    public Task A_counsellor_switches_to_Kazakh_and_the_queue_and_case_stay_in_Kazakh_after_a_reload() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.SignInAsync(await NewCounsellorAsync(), Password);
        var contactId = await GatewayClient.QueueContactAsync(Browser.App, GatewayClient.Contact($"lang-{Guid.NewGuid():N}", language: "kk"));
        var row = page.GetByTestId("queue-table").Locator("tr").Filter(new() { Has = page.Locator($"[data-contact-id='{contactId}']") });
        await Expect(page.Locator("h4")).ToHaveTextAsync("Queue");
        await Expect(row.GetByTestId("claim")).ToHaveTextAsync("Claim");

        await ChooseLanguageAsync(page, "kk");

        await Expect(page.Locator("h4")).ToHaveTextAsync("Кезек");
        await Expect(row.GetByTestId("claim")).ToHaveTextAsync("Алу");
        await Expect(row).ToContainTextAsync("Қазақ тілі");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");

        await page.ReloadAsync();
        await Expect(page.Locator("h4")).ToHaveTextAsync("Кезек");

        await row.GetByTestId("claim").ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        var caseId = CaseUrl().Match(page.Url).Groups["id"].Value;
        await Expect(page.GetByTestId("case-title")).ToHaveTextAsync($"№ {caseId} іс");
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Ашық");
        await Expect(page.GetByTestId("add-note")).ToHaveTextAsync("Жазба қосу");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("case-title")).ToHaveTextAsync($"№ {caseId} іс");

        // The escalation form's lists and the region chosen in them are in Kazakh too.
        await page.GetByTestId("open-escalation").ClickAsync();
        await BrowserSteps.ChooseAsync(page, page.GetByTestId("escalation-region"), "Алматы облысы");

        // And back to Russian from the case page: the same case, now in Russian.
        await ChooseLanguageAsync(page, "ru");
        await Expect(page.GetByTestId("case-title")).ToHaveTextAsync($"Дело № {caseId}");
        await Expect(page).ToHaveURLAsync(CaseUrl());
    });

    [Fact]
    public Task The_saved_language_greets_the_counsellor_on_a_new_device() => RunAsync(async () =>
    {
        var email = await NewCounsellorAsync();
        var first = await NewPageAsync();
        await first.SignInAsync(email, Password);
        await ChooseLanguageAsync(first, "ky");
        await Expect(first.Locator("h4")).ToHaveTextAsync("Кезек");
        await Expect(first.GetByTestId("waiting-count")).ToContainTextAsync("Күтүүдө");

        // Another browser, no cookie: the sign-in page is in the default language, the queue in the saved one.
        var second = await NewPageAsync();
        await second.SignInAsync(email, Password);

        await Expect(second.GetByTestId("waiting-count")).ToContainTextAsync("Күтүүдө");
        await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "ky");
    });

    [GeneratedRegex(@"/cases/(?<id>\d+)$")]
    private static partial Regex CaseUrl();
}
