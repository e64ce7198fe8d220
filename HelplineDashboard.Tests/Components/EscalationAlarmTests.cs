using Bunit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Queue;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

public sealed class EscalationAlarmTests : HelplineTestContext
{
    private async Task<(long CaseId, EscalationView Escalation)> EscalateWithoutEndpointAsync()
    {
        var contactId = await QueueAsync($"alarm-{Guid.NewGuid():N}");
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;
        var escalation = await Service<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = "police",
            Region = "Almaty",
            Address = "Abay Ave 10, flat 5",
            Landmarks = "green gate",
            PeopleAtRisk = 2,
            ChildrenPresent = true,
            Summary = "He is hitting her now; children are in the flat.",
        }, Me);
        return (caseId, escalation);
    }

    [Fact]
    public async Task The_fallback_panel_shows_the_number_to_dial_and_the_script_to_read()
    {
        var (_, escalation) = await EscalateWithoutEndpointAsync();

        var panel = Render<EscalationAlarm>(p => p
            .Add(c => c.Escalation, escalation)
            .Add(c => c.CounsellorName, "Aigerim Sadykova")
            .Add(c => c.TimeZone, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")));

        var phone = panel.Find("[data-testid=alarm-phone]");
        Assert.Equal("102", phone.TextContent.Trim());
        Assert.Equal("tel:102", phone.GetAttribute("href"));
        var script = panel.FindAll("[data-testid=alarm-script] li").Select(li => li.TextContent).ToList();
        Assert.Contains(script, s => s.Contains("Aigerim Sadykova") && s.Contains("Police"));
        Assert.Contains(script, s => s.Contains("Almaty, Abay Ave 10, flat 5") && s.Contains("green gate"));
        Assert.Contains(script, s => s.Contains("people at risk: 2, children present"));
        Assert.Contains(script, s => s.Contains("He is hitting her now"));
    }

    [Fact]
    public async Task Recording_the_manual_call_saves_operator_and_time_and_closes_the_alarm()
    {
        var (_, escalation) = await EscalateWithoutEndpointAsync();
        var recorded = false;
        var panel = Render<EscalationAlarm>(p => p
            .Add(c => c.Escalation, escalation)
            .Add(c => c.CounsellorName, "Aigerim Sadykova")
            .Add(c => c.TimeZone, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"))
            .Add(c => c.OnRecorded, () => recorded = true));
        Assert.True(panel.Find("button[data-testid=alarm-record]").HasAttribute("disabled"));

        panel.Find("input[data-testid=alarm-operator]").Change("Operator Serikova, ref 4471");
        panel.Find("button[data-testid=alarm-record]").Click();

        panel.WaitForAssertion(() => Assert.True(recorded));
        await using var db = Db();
        var stored = await db.Escalations.SingleAsync(e => e.Id == escalation.Id);
        Assert.Equal("Operator Serikova, ref 4471", stored.OperatorReference);
        Assert.Equal(Me.UserId, stored.PhonedManuallyById);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, stored.PhonedManuallyAt!.Value, TimeSpan.FromMinutes(1));
        Assert.False(EscalationRules.IsAlarm(stored, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_case_puts_the_alarm_on_top_and_clears_it_live_when_the_service_acknowledges()
    {
        var (caseId, escalation) = await EscalateWithoutEndpointAsync();
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=escalation-alarm]")));
        Assert.Equal(escalation.Id.ToString(), page.Find("[data-testid=escalation-alarm]").GetAttribute("data-escalation-id"));

        await Service<EscalationService>().ApplyTargetReportAsync(escalation.Id, EscalationStatus.Acknowledged, "operator has it");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=escalation-alarm]")));
        Assert.Equal("Acknowledged", page.Find("[data-testid=escalation-status]").TextContent.Trim());
    }

    [Fact]
    public async Task A_late_escalation_turns_red_on_the_case_when_the_alarm_is_raised()
    {
        var contactId = await QueueAsync("late-1");
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;
        var escalation = await Service<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = "ambulance", Region = "Almaty", Address = "Abay Ave 10", Summary = "Threats.",
        }, Me);
        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=escalation]")));
        Assert.Empty(page.FindAll("[data-testid=escalation-alarm]"));

        Clock.Advance(TimeSpan.FromSeconds(31));
        await Service<EscalationNotifier>().PublishAsync(new EscalationChanged(escalation.Id, caseId, "111", EscalationStatus.Requested, Alarm: true));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=escalation-alarm]")));
    }
}
