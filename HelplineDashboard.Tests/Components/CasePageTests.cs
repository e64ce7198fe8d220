using Bunit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

public sealed class CasePageTests : HelplineTestContext
{
    private async Task<long> MyCaseAsync(string externalId = "case-1")
    {
        var contactId = await QueueAsync(externalId, from: "+77015550011");
        var claim = await Service<QueueService>().ClaimAsync(contactId, Me);
        return claim.CaseId!.Value;
    }

    [Fact]
    public async Task The_owner_sees_the_full_number_and_first_message()
    {
        var caseId = await MyCaseAsync();

        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));

        page.WaitForAssertion(() => Assert.Equal("+7 701 555 00 11", page.Find("[data-testid=caller-number]").TextContent.Trim()));
        Assert.Contains("first words", page.Find("[data-testid=first-message]").TextContent);
    }

    [Fact]
    public async Task Adding_a_note_saves_it_and_lists_it_newest_first()
    {
        var caseId = await MyCaseAsync();
        await Service<CaseService>().AddNoteAsync(caseId, "Earlier note", Me);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=note-body]")));

        page.Find("textarea[data-testid=note-text]").Input("Caller is safe at her sister's flat tonight.");
        page.Find("[data-testid=add-note]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["Caller is safe at her sister's flat tonight.", "Earlier note"],
            page.FindAll("[data-testid=note-body]").Select(n => n.TextContent.Trim())));
        await using var db = Db();
        var saved = await db.CaseNotes.Where(n => n.CaseId == caseId).OrderByDescending(n => n.Id).FirstAsync();
        Assert.Equal(Me.UserId, saved.AuthorId);
        Assert.Equal("Aigerim Sadykova", saved.AuthorName);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, saved.CreatedAt);
    }

    [Fact]
    public async Task A_note_added_elsewhere_appears_on_an_open_case_page_without_reloading_it()
    {
        var caseId = await MyCaseAsync();
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=referral-panel]")));
        Assert.Empty(page.FindAll("[data-testid=note-body]"));

        await Service<CaseService>().AddNoteAsync(caseId, "Written in the other tab", Me);

        page.WaitForAssertion(() => Assert.Equal(["Written in the other tab"], page.FindAll("[data-testid=note-body]").Select(n => n.TextContent.Trim())));
    }

    [Fact]
    public async Task A_referral_made_elsewhere_appears_on_an_open_case_page_without_reloading_it()
    {
        var caseId = await MyCaseAsync();
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=referral-panel]")));
        Assert.Empty(page.FindAll("[data-testid=referral]"));
        var shelter = (await Service<ReferralService>().DirectoryAsync("111", null, SupportServiceKind.Shelter, Me)).First();

        await Service<ReferralService>().ReferAsync(caseId, shelter.Id, consentGiven: true, ReferralStatus.Made, Me);

        page.WaitForAssertion(() => Assert.Contains(shelter.Name, page.Find("[data-testid=referral]").TextContent));
    }

    [Fact]
    public async Task Another_counsellor_sees_neither_the_case_nor_the_number()
    {
        var contactId = await QueueAsync("not-mine-1", from: "+77015550099");
        var claim = await Service<QueueService>().ClaimAsync(contactId, TestActors.Counsellor("someone-else", "Bakyt", "111"));

        var page = Render<CasePage>(p => p.Add(c => c.CaseId, claim.CaseId!.Value));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=case-unavailable]")));
        Assert.DoesNotContain("0099", page.Markup);
    }

    [Fact]
    public async Task A_closed_case_offers_no_note_box()
    {
        var caseId = await MyCaseAsync();
        await Service<CaseService>().CloseAsync(caseId, CaseOutcome.PsychologicalSupport, "Caller calmer; will call back.", Me);

        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));

        page.WaitForAssertion(() => Assert.Contains("Closed", page.Find("[data-testid=case-status]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=note-text]"));
        Assert.Empty(page.FindAll("[data-testid=open-escalation]"));
    }
}
