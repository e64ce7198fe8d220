using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Presence follows who holds open cases however a case changes hands: claim, transfer, reassignment, close.</summary>
public sealed class CasePresenceTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private PresenceService Presence => Service<PresenceService>();

    private async Task<Actor> OnlineColleagueAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        var actor = await Colleagues.AddAsync(db, name, lines: "111");
        await Presence.CircuitUpAsync(actor);
        return actor;
    }

    /// <summary>A new case: each contact from a different number, so a second claim does not join the first case.</summary>
    private async Task<long> CaseOfAsync(Actor owner)
    {
        var contact = await Service<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(
            "111", ContactChannel.Voice, $"p-{Guid.NewGuid():N}", $"+7701{Random.Shared.Next(1_000_000, 9_999_999)}", "kk", null, null, false));
        return (await Service<QueueService>().ClaimAsync(contact.Id, owner)).CaseId!.Value;
    }

    [Fact]
    public async Task Accepting_a_transfer_makes_the_receiver_busy_and_the_sender_without_cases_available()
    {
        var sender = await OnlineColleagueAsync("Presence sender");
        var receiver = await OnlineColleagueAsync("Presence receiver");
        var caseId = await CaseOfAsync(sender);
        Assert.Equal(PresenceStatus.Busy, Presence.StatusOf(sender.UserId));

        var transfer = await Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "Caller needs legal advice.", sender);
        await Service<TransferService>().AcceptAsync(transfer.Id, receiver);

        Assert.Equal(PresenceStatus.Busy, Presence.StatusOf(receiver.UserId));
        Assert.Equal(PresenceStatus.Available, Presence.StatusOf(sender.UserId));
    }

    [Fact]
    public async Task A_reassignment_makes_the_receiver_busy()
    {
        var owner = await OnlineColleagueAsync("Presence owner");
        var receiver = await OnlineColleagueAsync("Presence reassigned");
        var caseId = await CaseOfAsync(owner);

        await Service<CaseReassignmentService>().ReassignAsync(caseId, receiver.UserId, "End of shift", TestActors.Supervisor("presence-sup", "Dana", "111"));

        Assert.Equal(PresenceStatus.Busy, Presence.StatusOf(receiver.UserId));
        Assert.Equal(PresenceStatus.Available, Presence.StatusOf(owner.UserId));
    }

    [Fact]
    public async Task Closing_the_last_open_case_makes_the_counsellor_available_but_not_before()
    {
        var counsellor = await OnlineColleagueAsync("Presence closer");
        var first = await CaseOfAsync(counsellor);
        var second = await CaseOfAsync(counsellor);
        var cases = Service<CaseService>();

        await cases.CloseAsync(first, CaseOutcome.InformationProvided, null, counsellor);
        Assert.Equal(PresenceStatus.Busy, Presence.StatusOf(counsellor.UserId));

        await cases.CloseAsync(second, CaseOutcome.InformationProvided, null, counsellor);
        Assert.Equal(PresenceStatus.Available, Presence.StatusOf(counsellor.UserId));
    }
}
