using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Server-side rules of screening, safety, categories and repeat callers.</summary>
public sealed class CaseScreeningTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private readonly Actor _owner = TestActors.Counsellor("screen-owner", "Aigerim");
    private readonly Actor _colleague = TestActors.Counsellor("screen-colleague", "Bakyt");
    private readonly Actor _supervisor = TestActors.Supervisor("screen-super", "Dana", "111");

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>A number nobody else in this class uses.</summary>
    private static string NewNumber() => "+7701" + Random.Shared.Next(1_000_000, 9_999_999);

    private async Task<long> ContactAsync(string from)
    {
        var result = await Service<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("111", ContactChannel.Voice, Guid.NewGuid().ToString("N"), from, "kk", null, null, false));
        return result.Id;
    }

    private async Task<long> ClaimAsync(long contactId, Actor? actor = null, CaseChoice choice = CaseChoice.JoinOpenCase)
    {
        var claim = await Service<QueueService>().ClaimAsync(contactId, actor ?? _owner, choice);
        Assert.Equal(ClaimStatus.Won, claim.Status);
        return claim.CaseId!.Value;
    }

    private static ScreeningAnswers Answers(params string[] yes) => Screenings.Yes(yes);

    private static SafetyPlanDetails Safety(string codeWord = "blue umbrella") =>
        new(ScreeningAnswer.No, "+77015550199", new TimeOnly(10, 0), new TimeOnly(12, 0), "while he is at work", codeWord, false, true);

    [Fact]
    public async Task Only_the_owner_screens_records_safety_sets_categories_and_adds_notes()
    {
        var caseId = await ClaimAsync(await ContactAsync(NewNumber()));
        var screening = new ScreeningInput(Answers("stalking"));

        foreach (var stranger in new[] { _colleague, _supervisor })
        {
            await Assert.ThrowsAnyAsync<HelplineRuleException>(() => Service<RiskScreeningService>().ScreenAsync(caseId, screening, stranger));
            await Assert.ThrowsAnyAsync<HelplineRuleException>(() => Service<SafetyPlanService>().SaveAsync(caseId, Safety(), stranger));
            await Assert.ThrowsAnyAsync<HelplineRuleException>(() => Service<CategoryService>().SetForCaseAsync(caseId, [1], stranger));
            await Assert.ThrowsAnyAsync<HelplineRuleException>(() => Service<CaseService>().AddNoteAsync(caseId, "note", stranger));
        }

        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(0, await db.RiskScreenings.CountAsync(s => s.CaseId == caseId));
            Assert.Equal(0, await db.SafetyPlans.CountAsync(p => p.CaseId == caseId));
            Assert.Equal(0, await db.CaseCategories.CountAsync(c => c.CaseId == caseId));
        }

        await Service<RiskScreeningService>().ScreenAsync(caseId, screening, _owner);
        await Service<SafetyPlanService>().SaveAsync(caseId, Safety(), _owner);
        await Service<CategoryService>().SetForCaseAsync(caseId, [1, 5], _owner);

        // The supervisor of the line reads all of it; a colleague learns nothing.
        var seen = await Service<CaseWorkspaceService>().GetAsync(caseId, _supervisor);
        Assert.Equal("blue umbrella", seen.Safety!.CodeWord);
        Assert.Equal(RiskLevel.Medium, seen.LatestScreening!.Risk);
        Assert.Equal([1, 5], seen.Categories.Select(c => c.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseWorkspaceService>().GetAsync(caseId, _colleague));
    }

    [Fact]
    public async Task Each_screening_is_kept_and_the_latest_is_the_cases_risk_and_an_override_needs_a_reason()
    {
        var caseId = await ClaimAsync(await ContactAsync(NewNumber()));
        var screenings = Service<RiskScreeningService>();

        var first = await screenings.ScreenAsync(caseId, new ScreeningInput(Answers("fear-for-life", "strangulation")), _owner);
        Assert.Equal(RiskLevel.ImmediateDanger, first.Risk);
        Assert.Equal(RiskLevel.ImmediateDanger, (await Service<CaseService>().GetAsync(caseId, _owner, CaseRead.Refresh)).Risk);

        await Assert.ThrowsAsync<HelplineRuleException>(() => screenings.ScreenAsync(caseId, new ScreeningInput(Answers(), RiskLevel.High, " "), _owner));
        var overridden = await screenings.ScreenAsync(caseId, new ScreeningInput(Answers(), RiskLevel.High, "Caller says he bought a gun yesterday"), _owner);

        Assert.Equal(RiskLevel.Standard, overridden.ComputedRisk);
        Assert.Equal(RiskLevel.High, overridden.Risk);
        var work = await Service<CaseWorkspaceService>().GetAsync(caseId, _owner);
        Assert.Equal(overridden.Id, work.LatestScreening!.Id);
        Assert.Equal(2, work.Timeline.Count(e => e.Kind == "risk"));
        Assert.Equal(RiskLevel.High, (await Service<CaseService>().GetAsync(caseId, _owner, CaseRead.Refresh)).Risk);
    }

    [Fact]
    public async Task Claiming_a_repeat_callers_contact_joins_their_open_case()
    {
        var number = NewNumber();
        var caseId = await ClaimAsync(await ContactAsync(number));

        var second = await ContactAsync(number);
        var queued = (await Service<QueueService>().ListWaitingAsync(_owner)).Single(c => c.Id == second);
        Assert.Equal(1, queued.EarlierContacts);
        Assert.NotNull(queued.LastContactAt);

        Assert.Equal(caseId, await ClaimAsync(second));
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.Contacts.CountAsync(c => c.CaseId == caseId));
    }

    [Fact]
    public async Task Start_a_new_case_opens_a_second_case_and_it_shows_the_earlier_contacts()
    {
        var number = NewNumber();
        var firstCase = await ClaimAsync(await ContactAsync(number));

        var secondCase = await ClaimAsync(await ContactAsync(number), choice: CaseChoice.NewCase);

        Assert.NotEqual(firstCase, secondCase);
        var repeat = (await Service<CaseWorkspaceService>().GetAsync(secondCase, _owner)).RepeatCaller;
        Assert.Equal(1, repeat!.EarlierContacts);
    }

    [Fact]
    public async Task A_repeat_callers_contact_claimed_by_another_counsellor_opens_their_own_case()
    {
        var number = NewNumber();
        var ownersCase = await ClaimAsync(await ContactAsync(number));

        var colleaguesCase = await ClaimAsync(await ContactAsync(number), _colleague);

        Assert.NotEqual(ownersCase, colleaguesCase);
        Assert.True((await Service<CaseService>().GetAsync(colleaguesCase, _colleague)).CanWork);
    }

    [Fact]
    public async Task A_later_contact_of_a_high_risk_caller_is_queued_with_that_risk_ahead_of_earlier_callers()
    {
        var number = NewNumber();
        var caseId = await ClaimAsync(await ContactAsync(number));
        await Service<RiskScreeningService>().ScreenAsync(caseId, new ScreeningInput(Answers("weapons")), _owner);
        await Service<CaseService>().CloseAsync(caseId, CaseOutcome.PsychologicalSupport, null, _owner);
        var someoneElse = await ContactAsync(NewNumber());

        var later = await ContactAsync(number);

        var queue = await Service<QueueService>().ListWaitingAsync(_owner);
        Assert.Equal(RiskLevel.High, queue.Single(c => c.Id == later).Risk);
        Assert.True(queue.ToList().FindIndex(c => c.Id == later) < queue.ToList().FindIndex(c => c.Id == someoneElse));
    }

    [Fact]
    public async Task A_retired_category_is_no_longer_offered_and_cannot_be_newly_chosen()
    {
        var admin = TestActors.Admin("cat-admin");
        var categories = Service<CategoryService>();
        var added = await categories.AddAsync("Other", $"Trafficking {Guid.NewGuid():N}", admin);
        var caseId = await ClaimAsync(await ContactAsync(NewNumber()));
        Assert.Contains((await Service<CaseWorkspaceService>().GetAsync(caseId, _owner)).OfferedCategories, c => c.Id == added.Id);

        await categories.SetRetiredAsync(added.Id, true, admin);

        Assert.DoesNotContain((await Service<CaseWorkspaceService>().GetAsync(caseId, _owner)).OfferedCategories, c => c.Id == added.Id);
        await Assert.ThrowsAsync<HelplineRuleException>(() => categories.SetForCaseAsync(caseId, [added.Id], _owner));
        await Assert.ThrowsAsync<AccessDeniedException>(() => categories.AddAsync("Other", "Anything", _owner));
        Assert.Contains(await categories.ListAllAsync(admin), c => c.Group == "Domestic violence" && c.Name == "Economic");
    }

    [Fact]
    public async Task The_safe_callback_number_and_code_word_are_encrypted_at_rest()
    {
        var caseId = await ClaimAsync(await ContactAsync(NewNumber()));
        await Service<SafetyPlanService>().SaveAsync(caseId, Safety("sunflower-7731"), _owner);

        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT SafeCallbackNumber || '|' || CodeWord FROM SafetyPlans WHERE CaseId = {caseId}";
        var raw = (string)(await command.ExecuteScalarAsync())!;

        Assert.DoesNotContain("sunflower", raw);
        Assert.DoesNotContain("5550199", raw);
    }

    [Fact]
    public async Task The_timeline_merges_contacts_notes_screenings_safety_follow_ups_referrals_and_transfers_in_time_order()
    {
        var caseId = await ClaimAsync(await ContactAsync(NewNumber()));
        await Service<CaseService>().AddNoteAsync(caseId, "Caller is hiding at her sister's.", _owner);
        await Service<RiskScreeningService>().ScreenAsync(caseId, new ScreeningInput(Answers("stalking")), _owner);
        await Service<SafetyPlanService>().SaveAsync(caseId, Safety(), _owner);
        var followUp = await Service<FollowUpService>().ScheduleAsync(caseId, SafeTimes.TomorrowInAlmaty(11, 0), "Ask whether she reached the shelter", _owner);
        var shelter = (await Service<ReferralService>().DirectoryAsync("111", "Astana", SupportServiceKind.Shelter, _owner)).First();
        await Service<ReferralService>().ReferAsync(caseId, shelter.Id, consentGiven: true, ReferralStatus.Made, _owner);
        await Service<FollowUpService>().CompleteAsync(followUp.Id, _owner);
        Actor receiver;
        await using (var db = factory.CreateDbContext())
        {
            receiver = await Colleagues.AddAsync(db, "Receiver");
        }

        var transfer = await Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "She needs a lawyer.", _owner);
        await Service<TransferService>().DeclineAsync(transfer.Id, receiver);

        var timeline = (await Service<CaseWorkspaceService>().GetAsync(caseId, _owner)).Timeline;

        Assert.Equal(["contact", "note", "risk", "safety", "follow-up", "referral", "follow-up", "transfer", "transfer"], timeline.Select(e => e.Kind));
        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
        Assert.Equal(["Callback scheduled for {0}", "Callback done"], timeline.Where(e => e.Kind == "follow-up").Select(e => e.Title));
        Assert.Equal([shelter.Name, "Made"], timeline.Single(e => e.Kind == "referral").Arguments);
        Assert.Equal(["Receiver"], timeline.First(e => e.Kind == "transfer").Arguments);
        Assert.Equal(["Declined"], timeline.Last(e => e.Kind == "transfer").Arguments);
    }
}
