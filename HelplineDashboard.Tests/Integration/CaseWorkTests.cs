using HelplineDashboard.Common;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class CaseWorkTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private readonly CaseService _cases = factory.Services.GetRequiredService<CaseService>();
    private readonly EscalationService _escalations = factory.Services.GetRequiredService<EscalationService>();
    private readonly Features.Accounts.Actor _owner = TestActors.Counsellor("owner-1", "Aigerim");

    private async Task<long> OpenCaseAsync(string externalId)
    {
        var intake = factory.Services.GetRequiredService<IntakeService>();
        var contact = await intake.SubmitAsync("test-gateway", new ValidIntake("111", ContactChannel.Sms, externalId, "+77015550000", "ru", "help", "Shymkent", true));
        // Every test works its own case of the same caller.
        var claim = await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contact.Id, _owner, CaseChoice.NewCase);
        return claim.CaseId!.Value;
    }

    private static EscalationRequest Police() => new()
    {
        Region = "Shymkent",
        Address = "Tauke Khan Ave 12, flat 5",
        Landmarks = "opposite the bazaar",
        Urgency = EscalationUrgency.Immediate,
        Summary = "Partner is threatening her with a knife now.",
        Target = "police",
    };

    [Fact]
    public async Task An_escalation_to_police_is_recorded_as_requested_and_shown_on_the_case()
    {
        var caseId = await OpenCaseAsync("esc-1");

        var escalation = await _escalations.RequestAsync(caseId, Police(), _owner);

        Assert.Equal(EscalationStatus.Requested, escalation.Status);
        Assert.Equal("102", escalation.TargetPhone);
        var details = await _cases.GetAsync(caseId, _owner);
        var shown = Assert.Single(details.Escalations);
        Assert.Equal(escalation.Id, shown.Id);
        Assert.Equal("Tauke Khan Ave 12, flat 5", shown.Address);
        Assert.Equal("Aigerim", shown.RequestedByName);
    }

    [Theory]
    [InlineData(null, "Tauke Khan Ave 12", "Knife")]
    [InlineData("Bishkek", "Tauke Khan Ave 12", "Knife")]
    [InlineData("Shymkent", " ", "Knife")]
    [InlineData("Shymkent", "Tauke Khan Ave 12", "")]
    public async Task An_escalation_without_region_of_the_line_address_or_reason_is_refused_and_not_written(string? region, string address, string reason)
    {
        var caseId = await OpenCaseAsync($"esc-bad-{Guid.NewGuid():N}");
        var request = Police();
        request.Region = region;
        request.Address = address;
        request.Summary = reason;

        await Assert.ThrowsAsync<HelplineRuleException>(() => _escalations.RequestAsync(caseId, request, _owner));

        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.Escalations.CountAsync(e => e.CaseId == caseId));
    }

    [Fact]
    public async Task Only_the_owner_may_escalate_or_add_notes()
    {
        var caseId = await OpenCaseAsync("esc-colleague");
        var colleague = TestActors.Counsellor("colleague-1", "Bakyt");
        var supervisor = TestActors.Supervisor("super-1", "Dana", "111");

        await Assert.ThrowsAsync<AccessDeniedException>(() => _escalations.RequestAsync(caseId, Police(), colleague));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _cases.AddNoteAsync(caseId, "note", colleague));
        await Assert.ThrowsAsync<HelplineRuleException>(() => _cases.AddNoteAsync(caseId, "note", supervisor));
        Assert.Equal(caseId, (await _cases.GetAsync(caseId, supervisor)).Id);
    }

    [Fact]
    public async Task A_case_closes_once_with_its_outcome_and_then_takes_nothing_more()
    {
        var caseId = await OpenCaseAsync("close-1");

        await _cases.CloseAsync(caseId, CaseOutcome.LegalAdvice, "Explained protection orders.", _owner);

        var closed = await _cases.GetAsync(caseId, _owner);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(CaseOutcome.LegalAdvice, closed.Outcome);
        Assert.NotNull(closed.ClosedAt);
        Assert.False(closed.CanWork);
        await Assert.ThrowsAsync<HelplineRuleException>(() => _cases.CloseAsync(caseId, CaseOutcome.InformationProvided, null, _owner));
        await Assert.ThrowsAsync<HelplineRuleException>(() => _cases.AddNoteAsync(caseId, "late note", _owner));
        await Assert.ThrowsAsync<HelplineRuleException>(() => _escalations.RequestAsync(caseId, Police(), _owner));
        Assert.Equal(CaseOutcome.LegalAdvice, (await _cases.GetAsync(caseId, _owner)).Outcome);
    }

    [Fact]
    public async Task A_correction_is_a_new_note_that_amends_an_earlier_one()
    {
        var caseId = await OpenCaseAsync("amend-1");
        var first = await _cases.AddNoteAsync(caseId, "Caller lives in Almaty.", _owner);

        var correction = await _cases.AddNoteAsync(caseId, "Correction: caller lives in Shymkent.", _owner, amendsNoteId: first.Id);

        var notes = (await _cases.GetAsync(caseId, _owner)).Notes;
        Assert.Equal([correction.Id, first.Id], notes.Select(n => n.Id));
        Assert.Equal("Caller lives in Almaty.", notes[1].Text);
        Assert.Equal(first.Id, notes[0].AmendsNoteId);
    }

    [Fact]
    public async Task My_cases_lists_only_my_open_cases_with_masked_callers()
    {
        var mine = await OpenCaseAsync("mine-1");
        var closed = await OpenCaseAsync("mine-2");
        await _cases.CloseAsync(closed, CaseOutcome.CallerDisconnected, null, _owner);

        var list = await _cases.ListOpenForOwnerAsync(_owner);

        Assert.Contains(list, c => c.Id == mine);
        Assert.DoesNotContain(list, c => c.Id == closed);
        Assert.All(list, c => Assert.Contains("*", c.MaskedCaller));
        Assert.Empty(await _cases.ListOpenForOwnerAsync(TestActors.Counsellor("nobody", "Nobody")));
    }
}
