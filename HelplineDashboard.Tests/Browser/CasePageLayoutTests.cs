using HelplineDashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HelplineDashboard.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

/// <summary>The case page's two columns on a wide screen, and on a phone notes before the end-of-case forms.</summary>
public sealed class CasePageLayoutTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task On_a_phone_notes_come_before_transfer_and_close_and_on_a_wide_screen_they_stand_beside_them() => RunAsync(async () =>
    {
        var page = await SignedInPageAsync(Accounts.Counsellor1);
        var contactId = await PostContactAsync(Browser.App, GatewayClient.Contact($"layout-{Guid.NewGuid():N}", from: "+77015550888"));
        await QueueRow(page, contactId).GetByTestId("claim").ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        var notes = page.GetByTestId("add-note");
        var end = page.GetByTestId("case-end");
        var escalate = page.GetByTestId("escalations");
        await Expect(page.GetByTestId("close-case")).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("() => document.documentElement.clientWidth <= 390");
        var (notesOnPhone, endOnPhone, escalateOnPhone) = (await BoxAsync(notes), await BoxAsync(end), await BoxAsync(escalate));
        Assert.True(notesOnPhone.Y < endOnPhone.Y, $"notes at {notesOnPhone.Y}, transfer and close at {endOnPhone.Y}");
        Assert.True(escalateOnPhone.Y < notesOnPhone.Y, $"escalation at {escalateOnPhone.Y}, notes at {notesOnPhone.Y}");

        await page.SetViewportSizeAsync(1366, 900);
        await page.WaitForFunctionAsync("() => document.documentElement.clientWidth >= 1300");
        var (notesWide, endWide) = (await BoxAsync(notes), await BoxAsync(end));
        Assert.True(endWide.X + endWide.Width <= notesWide.X, $"transfer and close end at x {endWide.X + endWide.Width}, notes start at x {notesWide.X}");
    });

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{locator} has no box");
}
