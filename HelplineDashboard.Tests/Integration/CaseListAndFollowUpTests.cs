using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Lists;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Case lists, reopening, follow-ups and referrals: each server-side rule against the real services.</summary>
public sealed class CaseListAndFollowUpTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private static readonly Actor Owner = TestActors.Counsellor("l-owner", "Owner", "111");
    private static readonly Actor OtherCounsellor = TestActors.Counsellor("l-other", "Other", "111");
    private static readonly Actor LineSupervisor = TestActors.Supervisor("l-sup111", "Sup 111", "111");
    private static readonly Actor OtherLineSupervisor = TestActors.Supervisor("l-sup117", "Sup 117", "117");

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private async Task<long> CaseAsync(Actor owner, string region = "Astana")
    {
        var contact = await Service<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(
            "111", ContactChannel.Sms, $"l-{Guid.NewGuid():N}", "+77015554321", "ru", "help", region, false));
        return (await Service<QueueService>().ClaimAsync(contact.Id, owner, CaseChoice.NewCase)).CaseId!.Value;
    }

    [Fact]
    public async Task A_counsellor_cannot_list_or_open_others_cases()
    {
        var theirs = await CaseAsync(Owner);

        var mine = await Service<CaseListService>().ListAsync(CaseScope.Mine, new CaseFilter(), OtherCounsellor);
        Assert.DoesNotContain(mine, c => c.Id == theirs);
        Assert.Empty(await Service<CaseListService>().ListAsync(CaseScope.Mine, new CaseFilter { CaseNumber = theirs }, OtherCounsellor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseListService>().ListAsync(CaseScope.AllOfMyLines, new CaseFilter(), OtherCounsellor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseService>().GetAsync(theirs, OtherCounsellor));
    }

    [Fact]
    public async Task A_supervisor_sees_every_case_of_their_lines_and_none_of_another_line()
    {
        var caseId = await CaseAsync(Owner);

        var all = await Service<CaseListService>().ListAsync(CaseScope.AllOfMyLines, new CaseFilter { CaseNumber = caseId }, LineSupervisor);
        Assert.Equal("Owner", Assert.Single(all).OwnerName);
        Assert.Empty(await Service<CaseListService>().ListAsync(CaseScope.AllOfMyLines, new CaseFilter { CaseNumber = caseId }, OtherLineSupervisor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseService>().GetAsync(caseId, OtherLineSupervisor));
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_status_risk_region_line_and_date()
    {
        var counsellor = TestActors.Counsellor($"l-f-{Guid.NewGuid():N}", "Filterer", "111");
        var inAstana = await CaseAsync(counsellor, "Astana");
        var inShymkent = await CaseAsync(counsellor, "Shymkent");
        await Service<CaseService>().CloseAsync(inShymkent, CaseOutcome.InformationProvided, null, counsellor);
        var lists = Service<CaseListService>();

        Assert.Equal([inAstana], (await lists.ListAsync(CaseScope.Mine, CaseFilter.OpenOnly, counsellor)).Select(c => c.Id));
        Assert.Equal([inShymkent], (await lists.ListAsync(CaseScope.Mine, new CaseFilter { Status = CaseStatus.Closed }, counsellor)).Select(c => c.Id));
        Assert.Equal([inShymkent], (await lists.ListAsync(CaseScope.Mine, new CaseFilter { Region = "Shymkent" }, counsellor)).Select(c => c.Id));
        Assert.Empty(await lists.ListAsync(CaseScope.Mine, new CaseFilter { Line = "117" }, counsellor));
        Assert.Empty(await lists.ListAsync(CaseScope.Mine, new CaseFilter { Risk = RiskLevel.High }, counsellor));
        Assert.Empty(await lists.ListAsync(CaseScope.Mine, new CaseFilter { OpenedTo = DateTime.UtcNow.AddDays(-1) }, counsellor));
        Assert.Equal(2, (await lists.ListAsync(CaseScope.Mine, new CaseFilter { OpenedFrom = DateTime.UtcNow.AddDays(-1) }, counsellor)).Count);
        Assert.All(await lists.ListAsync(CaseScope.Mine, new CaseFilter(), counsellor), c => Assert.Contains("*", c.MaskedCaller));
    }

    [Fact]
    public async Task Reopening_needs_a_reason_which_is_written_on_the_case()
    {
        var caseId = await CaseAsync(Owner);
        await Service<CaseService>().CloseAsync(caseId, CaseOutcome.CallerDisconnected, null, Owner);

        await Assert.ThrowsAsync<HelplineRuleException>(() => Service<CaseService>().ReopenAsync(caseId, "  ", Owner));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseService>().ReopenAsync(caseId, "she called again", OtherCounsellor));
        Assert.Equal(CaseStatus.Closed, (await Service<CaseService>().GetAsync(caseId, Owner)).Status);

        await Service<CaseService>().ReopenAsync(caseId, "She called again; the threats continue.", Owner);

        var reopened = await Service<CaseService>().GetAsync(caseId, Owner);
        Assert.Equal(CaseStatus.Open, reopened.Status);
        Assert.Null(reopened.Outcome);
        Assert.True(reopened.CanWork);
        Assert.Contains("She called again; the threats continue.", reopened.Notes[0].Text);
        await Assert.ThrowsAsync<HelplineRuleException>(() => Service<CaseService>().ReopenAsync(caseId, "again", Owner));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.CaseReopened && e.Subject == AuditTrail.Case(caseId)));
    }

    [Fact]
    public async Task Only_the_owner_can_schedule_a_follow_up_and_only_in_the_future()
    {
        var caseId = await CaseAsync(Owner);
        var followUps = Service<FollowUpService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => followUps.ScheduleAsync(caseId, DateTime.UtcNow.AddHours(1), null, OtherCounsellor));
        await Assert.ThrowsAsync<HelplineRuleException>(() => followUps.ScheduleAsync(caseId, DateTime.UtcNow.AddHours(1), null, LineSupervisor));
        await Assert.ThrowsAsync<HelplineRuleException>(() => followUps.ScheduleAsync(caseId, DateTime.UtcNow.AddMinutes(-1), null, Owner));

        var scheduled = await followUps.ScheduleAsync(caseId, DateTime.UtcNow.AddHours(1), "Check she reached her sister's", Owner);

        Assert.Contains(await followUps.ListMineAsync(Owner), f => f.Id == scheduled.Id);
        Assert.DoesNotContain(await followUps.ListMineAsync(OtherCounsellor), f => f.Id == scheduled.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => followUps.CompleteAsync(scheduled.Id, OtherCounsellor));
        await followUps.CompleteAsync(scheduled.Id, Owner);
        Assert.DoesNotContain(await followUps.ListMineAsync(Owner), f => f.Id == scheduled.Id);
    }

    [Fact]
    public async Task Overdue_follow_ups_are_listed_for_supervisors_of_the_line_only()
    {
        var caseId = await CaseAsync(Owner);
        var scheduled = await Service<FollowUpService>().ScheduleAsync(caseId, DateTime.UtcNow.AddHours(1), null, Owner);
        await using (var db = factory.CreateDbContext())
        {
            await db.FollowUps.Where(f => f.Id == scheduled.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.DueAt, DateTime.UtcNow.AddMinutes(-30)));
        }

        Assert.Contains(await Service<FollowUpService>().ListOverdueAsync(LineSupervisor), f => f.Id == scheduled.Id && f.Due);
        Assert.DoesNotContain(await Service<FollowUpService>().ListOverdueAsync(OtherLineSupervisor), f => f.Id == scheduled.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<FollowUpService>().ListOverdueAsync(Owner));
    }

    [Fact]
    public async Task A_referral_is_made_only_with_consent_to_a_service_of_the_cases_line()
    {
        var caseId = await CaseAsync(Owner);
        var referrals = Service<ReferralService>();
        var directory = await referrals.DirectoryAsync("111", "Astana", SupportServiceKind.Shelter, Owner);
        var shelter = directory.First();
        var kyrgyzService = (await referrals.DirectoryAsync("117", null, null, TestActors.Counsellor("l-kg", "KG", "117"))).First();
        Assert.Equal("Astana", shelter.Region);

        await Assert.ThrowsAsync<HelplineRuleException>(() => referrals.ReferAsync(caseId, shelter.Id, consentGiven: false, ReferralStatus.Made, Owner));
        await Assert.ThrowsAsync<HelplineRuleException>(() => referrals.ReferAsync(caseId, kyrgyzService.Id, consentGiven: true, ReferralStatus.Made, Owner));
        await Assert.ThrowsAsync<AccessDeniedException>(() => referrals.ReferAsync(caseId, shelter.Id, consentGiven: true, ReferralStatus.Made, OtherCounsellor));

        var suggested = await referrals.ReferAsync(caseId, shelter.Id, consentGiven: false, ReferralStatus.Suggested, Owner);
        await Assert.ThrowsAsync<HelplineRuleException>(() => referrals.UpdateAsync(suggested.Id, ReferralStatus.Confirmed, consentGiven: false, Owner));
        await referrals.UpdateAsync(suggested.Id, ReferralStatus.Confirmed, consentGiven: true, Owner);

        var shown = Assert.Single(await referrals.ListForCaseAsync(caseId, LineSupervisor));
        Assert.Equal(ReferralStatus.Confirmed, shown.Status);
        Assert.True(shown.ConsentGiven);
        await Assert.ThrowsAsync<AccessDeniedException>(() => referrals.ListForCaseAsync(caseId, OtherLineSupervisor));
    }

    [Fact]
    public async Task The_directory_has_entries_of_every_kind_for_every_region_and_only_administrators_change_it()
    {
        var lines = Service<Features.Lines.LineCatalog>();
        await using var db = factory.CreateDbContext();
        foreach (var line in lines.All)
        {
            foreach (var region in line.Regions)
            {
                var kinds = await db.SupportServices.Where(s => s.Line == line.Code && s.Region == region).Select(s => s.Kind).Distinct().CountAsync();
                Assert.True(kinds == Enum.GetValues<SupportServiceKind>().Length, $"{line.Code} {region} has {kinds} kinds");
            }
        }

        var edit = new SupportServiceEdit { Line = "111", Region = "Astana", Kind = SupportServiceKind.LegalAid, Name = "Legal clinic (test)", Phone = "+7 000 000 99 99" };
        await Assert.ThrowsAnyAsync<HelplineRuleException>(() => Service<ReferralService>().SaveServiceAsync(null, edit, LineSupervisor));
        var admin = await Administrators.SeededAdminAsync(factory);
        var saved = await Service<ReferralService>().SaveServiceAsync(null, edit, admin);
        Assert.Contains(await Service<ReferralService>().DirectoryAsync("111", "Astana", SupportServiceKind.LegalAid, Owner), s => s.Id == saved.Id);
    }
}
