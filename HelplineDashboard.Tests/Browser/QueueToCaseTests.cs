using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HelplineDashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

public sealed partial class QueueToCaseTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task Contact_posted_by_gateway_reaches_both_counsellors_and_one_claims_it() => RunAsync(async () =>
    {
        var pages = await Task.WhenAll(SignedInPageAsync(Accounts.Counsellor1), SignedInPageAsync(Accounts.Counsellor2));
        var (first, second) = (pages[0], pages[1]);

        const string callerNumber = "+77015550123";
        // Both counsellors are looking at their loaded queue when the call comes in.
        await Expect(first.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("queue-empty")).ToBeVisibleAsync();
        var subscribersAtPost = Browser.App.Services.GetRequiredService<Features.Queue.QueueNotifier>().SubscriberCount;
        var contactId = await PostContactAsync(GatewayClient.Contact($"browser-{Guid.NewGuid():N}", from: callerNumber));
        Output.WriteLine($"queue subscribers when the contact was posted: {subscribersAtPost} (the hub relay and one per open queue)");

        // The gateway's contact shows up live in both queues.
        await Expect(QueueRow(first, contactId)).ToBeVisibleAsync();
        await Expect(QueueRow(second, contactId)).ToBeVisibleAsync();

        // Counsellor 1 claims it and lands on the case with the caller's full number.
        await QueueRow(first, contactId).GetByTestId("claim").ClickAsync();
        await Expect(first).ToHaveURLAsync(CaseUrl());
        var caseId = CaseUrl().Match(first.Url).Groups["id"].Value;
        await Expect(first.GetByTestId("case-title")).ToContainTextAsync(caseId);
        await Expect(first.GetByTestId("caller-number")).ToHaveTextAsync(DigitsOf(callerNumber));

        // It is gone from counsellor 2's queue.
        await Expect(QueueRow(second, contactId)).ToHaveCountAsync(0);

        // A note.
        const string note = "Caller is safe for now; agreed to call back at 18:00.";
        await first.GetByTestId("note-text").FillAsync(note);
        await first.GetByTestId("add-note").ClickAsync();
        await Expect(first.GetByTestId("note-body")).ToHaveTextAsync([note]);

        // A police escalation.
        await first.GetByTestId("open-escalation").ClickAsync();
        await ChooseAsync(first, first.GetByTestId("escalation-region"), "Almaty");
        await first.GetByTestId("escalation-address").FillAsync("Abay Ave 10, flat 5");
        await first.GetByTestId("escalation-summary").FillAsync("Caller reports an immediate risk to life.");
        await first.GetByTestId("submit-escalation").ClickAsync();

        var escalation = first.GetByTestId("escalation");
        await Expect(escalation).ToHaveCountAsync(1);
        await Expect(escalation).ToContainTextAsync("Almaty, Abay Ave 10, flat 5");

        // The police endpoint receives it, signed; the case shows Sent, then the operator's acknowledgement, live.
        var delivered = await Browser.Police.NextAsync();
        Assert.True(delivered.SignatureValid);
        Assert.Equal(await escalation.GetAttributeAsync("data-escalation-id"), delivered.Id);
        await Expect(escalation.GetByTestId("escalation-status")).ToHaveTextAsync("Sent");
        await AcknowledgeAsync(delivered.Id);
        await Expect(escalation.GetByTestId("escalation-status")).ToHaveTextAsync("Acknowledged");
        await Expect(first.GetByTestId("escalation-alarm")).ToHaveCountAsync(0);
    });

    /// <summary>The police operator confirms through the signed status callback.</summary>
    private async Task AcknowledgeAsync(string escalationId)
    {
        using var client = Browser.App.CreateClient();
        using var response = await client.SendAsync(StatusCallback.Signed(escalationId, "Acknowledged", TestReceiver.Secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The queue row (the whole table row) of a contact.</summary>
    private static ILocator QueueRow(IPage page, long contactId) =>
        page.GetByTestId("queue-table").Locator("tr").Filter(new()
        {
            Has = page.Locator($"[data-testid=queue-row][data-contact-id='{contactId}']"),
        });

    /// <summary>
    /// Picks an option of a MudSelect the way a person does: open it, click the option in its popover.
    /// The select's input is a combobox whose aria-controls names the listbox in the popover.
    /// </summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "true");
        var listbox = page.Locator($"[id='{await select.GetAttributeAsync("aria-controls")}']");
        await listbox.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "false");

        // Once chosen, MudSelect shows the value as text in place of its empty input.
        await Expect(select).ToHaveTextAsync(option);
    }

    private Task<long> PostContactAsync(object contact) => GatewayClient.QueueContactAsync(Browser.App, contact);

    /// <summary>The number's digits in order, whatever grouping the page formats it with.</summary>
    private static Regex DigitsOf(string number) =>
        new("^\\s*\\+" + string.Join(@"[\s\-]*", number.TrimStart('+').ToCharArray()) + "\\s*$");

    [GeneratedRegex(@"/cases/(?<id>\d+)$")]
    private static partial Regex CaseUrl();

}
