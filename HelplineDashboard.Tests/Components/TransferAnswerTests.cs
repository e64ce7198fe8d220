using Bunit;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

/// <summary>The receiver's side of a transfer: the offer appears live, and accepting or declining does what it says.</summary>
public sealed class TransferAnswerTests : HelplineTestContext
{
    private async Task<(Actor Sender, long CaseId, TransferView Transfer)> OfferedToMeAsync(string note = "She needs a lawyer for the custody hearing.")
    {
        Actor sender;
        await using (var db = Db())
        {
            await Colleagues.AddAsync(db, Me.DisplayName, id: Me.UserId);
            sender = await Colleagues.AddAsync(db, "Bakyt Toktogulov");
        }

        var contactId = await QueueAsync($"transfer-{Guid.NewGuid():N}", from: "+77015550042");
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, sender)).CaseId!.Value;
        var transfer = await Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(Me.UserId), note, sender);
        return (sender, caseId, transfer);
    }

    private async Task<string> OwnerOfAsync(long caseId)
    {
        await using var db = Db();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.OwnerId).SingleAsync();
    }

    [Fact]
    public async Task The_receiver_reads_the_case_and_the_note_then_accepting_makes_it_theirs_to_work()
    {
        var (_, caseId, _) = await OfferedToMeAsync();

        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));

        page.WaitForAssertion(() => Assert.Contains("custody hearing", page.Find("[data-testid=transfer-note]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=note-text]"));
        page.Find("button[data-testid=accept-transfer]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=note-text]")));
        Assert.Empty(page.FindAll("[data-testid=accept-transfer]"));
        Assert.Equal(Me.UserId, await OwnerOfAsync(caseId));
        Assert.Contains("Aigerim Sadykova", page.Markup);
    }

    [Fact]
    public async Task Declining_leaves_the_case_with_the_sender_and_out_of_the_receivers_sight()
    {
        var (sender, caseId, _) = await OfferedToMeAsync();
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=decline-transfer]")));

        page.Find("button[data-testid=decline-transfer]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=case-unavailable]")));
        Assert.Equal(sender.UserId, await OwnerOfAsync(caseId));
    }

    [Fact]
    public async Task An_offer_appears_live_in_my_cases_and_accepting_it_there_adds_the_case_to_my_list()
    {
        await using (var db = Db())
        {
            await Colleagues.AddAsync(db, Me.DisplayName, id: Me.UserId);
        }

        var page = Render<MyCasesPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=my-cases]")));
        Assert.Empty(page.FindAll("[data-testid=incoming-transfer]"));

        Actor sender;
        await using (var db = Db())
        {
            sender = await Colleagues.AddAsync(db, "Bakyt Toktogulov");
        }

        var caseId = (await Service<QueueService>().ClaimAsync(await QueueAsync("live-offer"), sender)).CaseId!.Value;
        await Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(Me.UserId), "Wrong shift for me.", sender);

        page.WaitForAssertion(() => Assert.Equal(caseId.ToString(), page.Find("[data-testid=incoming-transfer]").GetAttribute("data-case-id")));
        page.Find("[data-testid=incoming-transfer] button[data-testid=accept-transfer]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=case-row]"), row => row.GetAttribute("data-case-id") == caseId.ToString()));
        Assert.Empty(page.FindAll("[data-testid=incoming-transfer]"));
    }
}
