using Bunit;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

public sealed class CaseScreeningComponentTests : HelplineTestContext
{
    private async Task<long> MyCaseAsync()
    {
        var contactId = await QueueAsync("screen-1", from: "+77015550042");
        return (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;
    }

    private IRenderedComponent<RiskScreeningForm> Form(long caseId, bool canWork = true, Action? onScreened = null, RiskScreeningView? latest = null) =>
        Render<RiskScreeningForm>(p => p
            .Add(c => c.CaseId, caseId)
            .Add(c => c.Line, "111")
            .Add(c => c.Latest, latest)
            .Add(c => c.CanWork, canWork)
            .Add(c => c.OnScreened, () => onScreened?.Invoke()));

    private static string Computed(IRenderedComponent<RiskScreeningForm> form) =>
        form.Find("[data-testid=computed-risk] [data-testid=risk-badge]").GetAttribute("data-risk")!;

    [Fact]
    public async Task Answering_the_screening_shows_the_level_it_gives_and_saving_keeps_it()
    {
        var caseId = await MyCaseAsync();
        var screened = false;
        var form = Form(caseId, onScreened: () => screened = true);
        foreach (var question in ScreeningQuestion.All)
        {
            form.Find($"[data-testid=answer-{question.Key}-no]").Click();
        }

        Assert.Equal(nameof(RiskLevel.Standard), Computed(form));
        form.Find("[data-testid=answer-strangulation-yes]").Click();
        Assert.Equal(nameof(RiskLevel.High), Computed(form));
        form.Find("[data-testid=answer-fear-for-life-yes]").Click();
        Assert.Equal(nameof(RiskLevel.ImmediateDanger), Computed(form));
        Assert.Contains("Immediate danger", form.Find("[data-testid=computed-risk]").TextContent);

        form.Find("[data-testid=save-screening]").Click();

        form.WaitForAssertion(() => Assert.True(screened));
        await using var db = Db();
        var saved = await db.RiskScreenings.SingleAsync(s => s.CaseId == caseId);
        Assert.Equal(RiskLevel.ImmediateDanger, saved.Risk);
        Assert.Equal(ScreeningAnswer.Yes, saved.Answers.Strangulation);
        Assert.Equal(ScreeningAnswer.No, saved.Answers.Weapons);
        Assert.Equal(RiskLevel.ImmediateDanger, (await db.Cases.SingleAsync(c => c.Id == caseId)).Risk);
    }

    [Fact]
    public async Task Choosing_another_level_cannot_be_saved_without_a_reason()
    {
        var caseId = await MyCaseAsync();
        var form = Form(caseId);

        form.Find("[data-testid=open-override]").Click();
        form.Find($"[data-testid=override-{RiskLevel.High}]").Click();

        Assert.True(form.Find("[data-testid=save-screening]").HasAttribute("disabled"));
        form.Find("textarea[data-testid=override-reason]").Input("He bought a hunting rifle last week.");
        form.Find("[data-testid=save-screening]").Click();

        await using var db = Db();
        form.WaitForAssertion(() => Assert.Equal(1, db.RiskScreenings.Count(s => s.CaseId == caseId)));
        var saved = await db.RiskScreenings.SingleAsync(s => s.CaseId == caseId);
        Assert.Equal(RiskLevel.Medium, saved.ComputedRisk);
        Assert.Equal(RiskLevel.High, saved.Risk);
        Assert.Equal("He bought a hunting rifle last week.", saved.OverrideReason);
    }

    [Fact]
    public async Task Someone_who_may_only_read_sees_the_answers_and_the_override_without_buttons()
    {
        var caseId = await MyCaseAsync();
        Assert.NotNull(Form(caseId, canWork: false).Find("[data-testid=not-screened]"));
        var latest = await Service<RiskScreeningService>().ScreenAsync(caseId,
            new ScreeningInput(new ScreeningAnswers { Stalking = ScreeningAnswer.Yes }, RiskLevel.High, "Followed her to work twice this week."), Me);

        var form = Form(caseId, canWork: false, latest: latest);

        Assert.Empty(form.FindAll("[data-testid=save-screening]"));
        Assert.Empty(form.FindAll("[data-testid^=answer-threats]"));
        Assert.Equal(ScreeningQuestion.All.Count, form.FindAll("[data-testid=answer]").Count);
        Assert.Contains("Followed her to work", form.Find("[data-testid=override-shown]").TextContent);
    }

    [Fact]
    public void The_timeline_shows_entries_in_the_order_given_with_localised_titles_and_risk()
    {
        var at = Start.UtcDateTime;
        var timeline = Render<CaseTimeline>(p => p
            .Add(c => c.Line, "111")
            .Add(c => c.Entries, new List<TimelineEntry>
            {
                new(at, "contact", "", "Contact by {0}", ["Voice"], "first words", "Aigerim"),
                new(at.AddMinutes(3), "note", "", "Note", [], "Caller is hiding at her sister's.", "Aigerim"),
                new(at.AddMinutes(5), "risk", "", "Risk screened", [], null, "Aigerim", RiskLevel.High),
            }));

        var entries = timeline.FindAll("[data-testid=timeline-entry]");
        Assert.Equal(["contact", "note", "risk"], entries.Select(e => e.GetAttribute("data-kind")));
        Assert.Equal("Contact by Voice", entries[0].QuerySelector("[data-testid=timeline-title]")!.TextContent.Trim());
        Assert.Contains("Caller is hiding", entries[1].TextContent);
        Assert.Equal(nameof(RiskLevel.High), entries[2].QuerySelector("[data-testid=risk-badge]")!.GetAttribute("data-risk"));
    }

    [Fact]
    public async Task The_case_page_shows_safety_first_and_an_escalation_prompt_in_immediate_danger()
    {
        var caseId = await MyCaseAsync();
        await Service<SafetyPlanService>().SaveAsync(caseId,
            new SafetyPlanDetails(ScreeningAnswer.No, null, null, null, null, "sunflower", true, true), Me);
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=safety]")));
        Assert.Empty(page.FindAll("[data-testid=escalation-prompt]"));

        var answers = new ScreeningAnswers { FearForLife = ScreeningAnswer.Yes, ThreatsToKill = ScreeningAnswer.Yes };
        await Service<RiskScreeningService>().ScreenAsync(caseId, new ScreeningInput(answers), Me);
        page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=escalation-prompt]")));
        var markup = page.Markup;
        Assert.True(markup.IndexOf("data-testid=\"safety\"", StringComparison.Ordinal) < markup.IndexOf("data-testid=\"case-title\"", StringComparison.Ordinal));
        Assert.NotNull(page.Find("[data-testid=do-not-call-back]"));
        Assert.NotNull(page.Find("[data-testid=do-not-sms]"));
        Assert.Equal("sunflower", page.Find("[data-testid=code-word]").TextContent.Trim());
        Assert.Equal(["contact", "risk", "safety"], page.FindAll("[data-testid=timeline-entry]").Select(e => e.GetAttribute("data-kind")).Order());
    }

    [Fact]
    public async Task The_open_case_page_adds_follow_ups_and_transfers_to_its_timeline_live_in_time_order()
    {
        var caseId = await MyCaseAsync();
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=timeline-entry]")));
        Actor receiver;
        await using (var db = Db())
        {
            receiver = await Colleagues.AddAsync(db, "Receiver");
        }

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Service<FollowUpService>().ScheduleAsync(caseId, Clock.GetUtcNow().UtcDateTime.AddDays(1), "Ask about the shelter", Me);
        page.WaitForAssertion(() => Assert.Equal(["contact", "follow-up"], Kinds(page)));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "She needs a lawyer.", Me);

        page.WaitForAssertion(() => Assert.Equal(["contact", "follow-up", "transfer"], Kinds(page)));
        Assert.Contains("Callback scheduled for", page.FindAll("[data-testid=timeline-title]")[1].TextContent);
    }

    private static List<string?> Kinds(IRenderedComponent<CasePage> page) =>
        page.FindAll("[data-testid=timeline-entry]").Select(e => e.GetAttribute("data-kind")).ToList();

    [Fact]
    public async Task A_corrected_note_shows_it_was_amended_and_the_original_stays()
    {
        var caseId = await MyCaseAsync();
        var original = await Service<CaseService>().AddNoteAsync(caseId, "Caller lives in Almaty.", Me);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=note]")));

        page.Find("[data-testid=amend-note]").Click();
        page.Find("textarea[data-testid=note-text]").Input("Correction: caller lives in Shymkent.");
        page.Find("[data-testid=add-note]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=note]").Count));
        var notes = page.FindAll("[data-testid=note]");
        Assert.Contains($"Corrects note {original.Id}", notes[0].TextContent);
        Assert.Contains("Caller lives in Almaty.", notes[1].TextContent);
        Assert.Contains("Amended by note", notes[1].QuerySelector("[data-testid=note-amended]")!.TextContent);
    }
}
