using Bunit;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Components;

public sealed class SupervisorEscalationsPageTests : HelplineTestContext
{
    private readonly Features.Accounts.Actor _supervisor = TestActors.Supervisor("sup-1", "Dana", "111");

    public SupervisorEscalationsPageTests() => SignInAs(_supervisor);

    private async Task<EscalationView> EscalateAsync(string target)
    {
        var contactId = await QueueAsync($"sup-{Guid.NewGuid():N}");
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;
        return await Service<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = target, Region = "Astana", Address = "Respublika Ave 1", Summary = "Threats to kill.",
        }, Me);
    }

    [Fact]
    public async Task A_new_escalation_and_its_alarm_appear_on_the_supervisors_view_without_reload()
    {
        var page = Render<SupervisorEscalationsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-escalations]")));

        var late = await EscalateAsync("ambulance");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=escalation]")));
        Assert.Empty(page.FindAll("[data-testid=escalation-alarm]"));

        var noEndpoint = await EscalateAsync("police");

        page.WaitForAssertion(() => Assert.Equal(noEndpoint.Id.ToString(), page.Find("[data-testid=escalation-alarm]").GetAttribute("data-escalation-id")));

        Clock.Advance(TimeSpan.FromSeconds(31));
        await Service<EscalationNotifier>().PublishAsync(new EscalationChanged(late.Id, late.CaseId, "111", EscalationStatus.Requested, Alarm: true));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=escalation-alarm]").Count));
    }
}
