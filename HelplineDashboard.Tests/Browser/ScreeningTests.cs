using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

public sealed class ScreeningTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task A_counsellor_screens_a_caller_to_immediate_danger_and_is_prompted_to_escalate() => RunAsync(async () =>
    {
        var page = await SignedInPageAsync(Accounts.Counsellor1);
        var contact = await Browser.App.Services.GetRequiredService<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(
            "111", ContactChannel.Voice, $"screening-{Guid.NewGuid():N}", "+7701" + Random.Shared.Next(1_000_000, 9_999_999), "kk", null, "Astana", false));

        // Claim it from the live queue.
        var row = page.GetByTestId("queue-table").Locator("tr").Filter(new()
        {
            Has = page.Locator($"[data-testid=queue-row][data-contact-id='{contact.Id}']"),
        });
        await row.GetByTestId("claim").ClickAsync();
        await Expect(page.GetByTestId("case-title")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("escalation-prompt")).ToHaveCountAsync(0);

        // The caller fears for her life and was strangled; the rest is unknown.
        var screening = page.GetByTestId("risk-screening");
        await screening.GetByTestId("answer-strangulation-yes").ClickAsync();
        await screening.GetByTestId("answer-fear-for-life-yes").ClickAsync();
        await Expect(screening.GetByTestId("computed-risk")).ToContainTextAsync("Immediate danger");
        await screening.GetByTestId("save-screening").ClickAsync();

        // The case now carries the level and prompts escalation at the top.
        var prompt = page.GetByTestId("escalation-prompt");
        await Expect(prompt).ToBeVisibleAsync();
        await Expect(page.GetByTestId("case-title").Locator("xpath=..").GetByTestId("risk-badge")).ToHaveAttributeAsync("data-risk", "ImmediateDanger");
        await Expect(page.GetByTestId("timeline-entry").And(page.Locator("[data-kind=risk]"))).ToHaveCountAsync(1);

        // Escalating from the prompt opens the escalation form right there.
        await prompt.GetByTestId("prompt-escalate").ClickAsync();
        await Expect(page.GetByTestId("escalation-summary")).ToBeVisibleAsync();
    });
}
