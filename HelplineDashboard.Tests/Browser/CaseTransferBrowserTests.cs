using HelplineDashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HelplineDashboard.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

public sealed class CaseTransferBrowserTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task A_counsellor_transfers_a_case_and_a_colleague_accepts_it_in_another_browser_while_it_leaves_the_first_list_live() => RunAsync(async () =>
    {
        var pages = await Task.WhenAll(SignedInPageAsync(Accounts.Counsellor1), SignedInPageAsync(Accounts.Counsellor2));
        var (sender, receiver) = (pages[0], pages[1]);

        // The colleague is looking at their cases before anything is offered.
        await receiver.GotoAsync("cases");
        await Expect(receiver.GetByTestId("my-cases")).ToBeVisibleAsync();

        // Counsellor 1 claims a contact and opens its case.
        var contactId = await PostContactAsync(Browser.App, GatewayClient.Contact($"transfer-{Guid.NewGuid():N}", from: "+77015550777"));
        await QueueRow(sender, contactId).GetByTestId("claim").ClickAsync();
        await Expect(sender).ToHaveURLAsync(CaseUrl());
        var caseId = CaseUrl().Match(sender.Url).Groups["id"].Value;

        // ... and asks Bakyt to take it over, with a note.
        await ChooseAsync(sender, sender.GetByTestId("transfer-target"), "Bakyt Toktogulov");
        await sender.GetByTestId("transfer-note-text").FillAsync("Caller prefers a male counsellor.");
        await sender.GetByTestId("request-transfer").ClickAsync();
        await Expect(sender.GetByTestId("pending-transfer")).ToContainTextAsync("Bakyt Toktogulov");

        // Until Bakyt answers, the case is still in counsellor 1's cases.
        await sender.GotoAsync("cases");
        var senderRow = sender.Locator($"[data-testid=case-row][data-case-id='{caseId}']");
        await Expect(senderRow).ToBeVisibleAsync();

        // The offer appears live on Bakyt's page; he accepts it.
        var offer = receiver.Locator($"[data-testid=incoming-transfer][data-case-id='{caseId}']");
        await Expect(offer).ToContainTextAsync("Caller prefers a male counsellor.");
        await offer.GetByTestId("accept-transfer").ClickAsync();

        // It joins Bakyt's cases and leaves counsellor 1's, live, without a reload.
        await Expect(receiver.Locator($"[data-testid=case-row][data-case-id='{caseId}']")).ToBeVisibleAsync();
        await Expect(offer).ToHaveCountAsync(0);
        await Expect(senderRow).ToHaveCountAsync(0);

        // Bakyt now works the case.
        await receiver.GotoAsync($"cases/{caseId}");
        await Expect(receiver.GetByTestId("note-text")).ToBeVisibleAsync();
    });
}
