using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Lists;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Where the two halves of case work meet: safety plan and follow-ups, screening and release, categories and lists.</summary>
public sealed class CaseWorkIntegrationTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static Actor NewCounsellor() => TestActors.Counsellor($"cwi-{Guid.NewGuid():N}", "Aigerim", "111");

    private async Task<long> CaseAsync(Actor owner)
    {
        var contact = await Service<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(
            "111", ContactChannel.Voice, $"cwi-{Guid.NewGuid():N}", "+7701" + Random.Shared.Next(1_000_000, 9_999_999), "kk", null, "Astana", false));
        return (await Service<QueueService>().ClaimAsync(contact.Id, owner, CaseChoice.NewCase)).CaseId!.Value;
    }

    private static SafetyPlanDetails Plan(bool doNotCallBack = false, TimeOnly? from = null, TimeOnly? until = null) =>
        new(ScreeningAnswer.No, null, from, until, null, null, doNotCallBack, false);

    [Fact]
    public async Task A_callback_outside_the_callers_safe_times_is_refused_and_one_inside_is_scheduled()
    {
        var owner = NewCounsellor();
        var caseId = await CaseAsync(owner);
        await Service<SafetyPlanService>().SaveAsync(caseId, Plan(from: new TimeOnly(10, 0), until: new TimeOnly(12, 0)), owner);
        var followUps = Service<FollowUpService>();

        var refused = await Assert.ThrowsAsync<HelplineRuleException>(() => followUps.ScheduleAsync(caseId, SafeTimes.TomorrowInAlmaty(15, 0), null, owner));
        Assert.Equal("This time is outside the caller's safe times.", refused.Message);
        // 05:30 UTC is 10:30 in Almaty: the window is read on the line's clock, not the server's.
        var scheduled = await followUps.ScheduleAsync(caseId, SafeTimes.TomorrowInAlmaty(10, 30), null, owner);

        Assert.Equal([scheduled.Id], (await followUps.ListForCaseAsync(caseId, owner)).Select(f => f.Id));
    }

    [Fact]
    public async Task No_callback_is_scheduled_when_the_caller_asked_not_to_be_called_back()
    {
        var owner = NewCounsellor();
        var caseId = await CaseAsync(owner);
        await Service<FollowUpService>().ScheduleAsync(caseId, SafeTimes.TomorrowInAlmaty(3, 0), null, owner);
        await Service<SafetyPlanService>().SaveAsync(caseId, Plan(doNotCallBack: true), owner);

        var refused = await Assert.ThrowsAsync<HelplineRuleException>(() =>
            Service<FollowUpService>().ScheduleAsync(caseId, SafeTimes.TomorrowInAlmaty(11, 0), null, owner));

        Assert.Equal("The caller asked not to be called back.", refused.Message);
        Assert.Single(await Service<FollowUpService>().ListForCaseAsync(caseId, owner));
    }

    [Theory]
    [InlineData("screening")]
    [InlineData("categories")]
    [InlineData("safety")]
    public async Task A_contact_is_not_released_once_screening_categories_or_a_safety_plan_are_recorded(string record)
    {
        var owner = NewCounsellor();
        var caseId = await CaseAsync(owner);
        switch (record)
        {
            case "screening":
                await Service<RiskScreeningService>().ScreenAsync(caseId, new ScreeningInput(Screenings.Yes()), owner);
                break;
            case "categories":
                await Service<CategoryService>().SetForCaseAsync(caseId, [1], owner);
                break;
            default:
                await Service<SafetyPlanService>().SaveAsync(caseId, Plan(), owner);
                break;
        }

        await Assert.ThrowsAsync<HelplineRuleException>(() => Service<ContactReleaseService>().ReleaseAsync(caseId, ReleaseReason.WrongLanguage, owner));

        await using var db = factory.CreateDbContext();
        Assert.True(await db.Cases.AnyAsync(c => c.Id == caseId));
        Assert.Equal(ContactStatus.Claimed, await db.Contacts.Where(c => c.CaseId == caseId).Select(c => c.Status).SingleAsync());
    }

    [Fact]
    public async Task Case_lists_filter_by_any_chosen_category_and_show_each_cases_categories()
    {
        var owner = NewCounsellor();
        var active = await Service<CategoryService>().ListActiveAsync(owner);
        var (first, second, third) = (active[0], active[1], active[2]);
        var withFirst = await CaseAsync(owner);
        var withSecondAndThird = await CaseAsync(owner);
        var without = await CaseAsync(owner);
        await Service<CategoryService>().SetForCaseAsync(withFirst, [first.Id], owner);
        await Service<CategoryService>().SetForCaseAsync(withSecondAndThird, [second.Id, third.Id], owner);
        var lists = Service<CaseListService>();

        var byFirst = await lists.ListAsync(CaseScope.Mine, new CaseFilter { CategoryIds = [first.Id] }, owner);
        var byFirstOrThird = await lists.ListAsync(CaseScope.Mine, new CaseFilter { CategoryIds = [first.Id, third.Id] }, owner);
        var all = await lists.ListAsync(CaseScope.Mine, new CaseFilter(), owner);

        Assert.Equal([withFirst], byFirst.Select(c => c.Id));
        Assert.Equal([withSecondAndThird, withFirst], byFirstOrThird.Select(c => c.Id));
        Assert.Equal(3, all.Count);
        Assert.Equal([second.Id, third.Id], all.Single(c => c.Id == withSecondAndThird).Categories.Select(c => c.Id));
        Assert.Empty(all.Single(c => c.Id == without).Categories);
        Assert.Empty(await lists.ListAsync(CaseScope.AllOfMyLines, new CaseFilter { CategoryIds = [first.Id], CaseNumber = without },
            TestActors.Supervisor("cwi-sup", "Dana", "111")));
    }

    [Fact]
    public async Task Only_active_categories_are_offered_to_filter_by_and_only_to_people_who_work_cases()
    {
        var admin = TestActors.Admin("cwi-admin");
        var retired = await Service<CategoryService>().AddAsync("Other", $"Retired {Guid.NewGuid():N}", admin);
        await Service<CategoryService>().SetRetiredAsync(retired.Id, true, admin);

        Assert.DoesNotContain(await Service<CategoryService>().ListActiveAsync(NewCounsellor()), c => c.Id == retired.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CategoryService>().ListActiveAsync(admin));
    }

    [Fact]
    public async Task A_screening_raises_only_the_same_callers_waiting_contacts_on_the_line_and_never_lowers_them()
    {
        var owner = NewCounsellor();
        var number = "+7701" + Random.Shared.Next(1_000_000, 9_999_999);
        async Task<long> PostAsync(string from) => (await Service<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(
            "111", ContactChannel.Voice, $"cwi-{Guid.NewGuid():N}", from, "kk", null, null, false))).Id;
        var caseId = (await Service<QueueService>().ClaimAsync(await PostAsync(number), owner)).CaseId!.Value;
        var sameCaller = await PostAsync(number);
        var otherCaller = await PostAsync("+7701" + Random.Shared.Next(1_000_000, 9_999_999));
        var screenings = Service<RiskScreeningService>();

        await screenings.ScreenAsync(caseId, new ScreeningInput(Screenings.Yes("weapons")), owner);
        await screenings.ScreenAsync(caseId, new ScreeningInput(Screenings.Yes()), owner);

        var queue = await Service<QueueService>().ListWaitingAsync(owner);
        Assert.Equal(RiskLevel.High, queue.Single(c => c.Id == sameCaller).Risk);
        Assert.Equal(RiskLevel.Standard, queue.Single(c => c.Id == otherCaller).Risk);
    }
}
