using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Transfers and releases, against the real services and database: each server-side rule.</summary>
public sealed class CaseTransferTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private TransferService Transfers => Service<TransferService>();

    private async Task<Actor> ColleagueAsync(string name, string lines = "111", string specialisms = "")
    {
        await using var db = factory.CreateDbContext();
        return await Colleagues.AddAsync(db, name, lines: lines, specialisms: specialisms);
    }

    private async Task<long> QueueAsync(string line = "111")
    {
        var contact = await Service<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(
            line, ContactChannel.Voice, $"t-{Guid.NewGuid():N}", line == "111" ? "+77015551234" : "+996555123456", line == "111" ? "kk" : "ky", null, null, false));
        return contact.Id;
    }

    private async Task<long> CaseOfAsync(Actor owner, string line = "111") =>
        (await Service<QueueService>().ClaimAsync(await QueueAsync(line), owner)).CaseId!.Value;

    private async Task<string> OwnerOfAsync(long caseId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.OwnerId).SingleAsync();
    }

    private async Task<List<AuditAction>> AuditOfAsync(long caseId)
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Subject == AuditTrail.Case(caseId)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task A_declined_transfer_leaves_the_case_with_the_sender()
    {
        var sender = await ColleagueAsync("Sender");
        var receiver = await ColleagueAsync("Receiver");
        var caseId = await CaseOfAsync(sender);

        var transfer = await Transfers.RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "Caller wants legal advice.", sender);
        Assert.Equal(sender.UserId, await OwnerOfAsync(caseId));
        await Transfers.DeclineAsync(transfer.Id, receiver);

        Assert.Equal(sender.UserId, await OwnerOfAsync(caseId));
        Assert.True((await Service<CaseService>().GetAsync(caseId, sender)).CanWork);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseService>().GetAsync(caseId, receiver));
        Assert.Equal(TransferStatus.Declined, (await Transfers.ListForCaseAsync(caseId, sender)).Single().Status);
        Assert.Contains(AuditAction.TransferRequested, await AuditOfAsync(caseId));
        Assert.Contains(AuditAction.TransferDeclined, await AuditOfAsync(caseId));
    }

    [Fact]
    public async Task An_accepted_transfer_moves_the_case_and_its_follow_ups_to_the_receiver()
    {
        var sender = await ColleagueAsync("Sender");
        var receiver = await ColleagueAsync("Receiver");
        var caseId = await CaseOfAsync(sender);
        await Service<FollowUpService>().ScheduleAsync(caseId, DateTime.UtcNow.AddHours(3), "Call about the hearing", sender);
        var transfer = await Transfers.RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "Please take over.", sender);

        // Before accepting, the receiver may read the case but not work it.
        var preview = await Service<CaseService>().GetAsync(caseId, receiver);
        Assert.False(preview.CanWork);
        Assert.Contains((await Service<CaseWorkspaceService>().GetAsync(caseId, receiver)).Timeline, e => e.Kind == "transfer");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseService>().AddNoteAsync(caseId, "too early", receiver));

        await Transfers.AcceptAsync(transfer.Id, receiver);

        Assert.Equal(receiver.UserId, await OwnerOfAsync(caseId));
        Assert.True((await Service<CaseService>().GetAsync(caseId, receiver)).CanWork);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseService>().GetAsync(caseId, sender));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CaseWorkspaceService>().GetAsync(caseId, sender));
        Assert.Single(await Service<FollowUpService>().ListMineAsync(receiver), f => f.CaseId == caseId);
        Assert.DoesNotContain(await Service<FollowUpService>().ListMineAsync(sender), f => f.CaseId == caseId);
        Assert.Contains(AuditAction.TransferAccepted, await AuditOfAsync(caseId));
        await Assert.ThrowsAsync<HelplineRuleException>(() => Transfers.DeclineAsync(transfer.Id, receiver));
    }

    [Fact]
    public async Task Only_the_owner_can_transfer_a_case()
    {
        var owner = await ColleagueAsync("Owner");
        var colleague = await ColleagueAsync("Colleague");
        var supervisor = TestActors.Supervisor("t-sup", "Supervisor", "111");
        var caseId = await CaseOfAsync(owner);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Transfers.RequestAsync(caseId, TransferTarget.Colleague(owner.UserId), "mine now", colleague));
        await Assert.ThrowsAnyAsync<HelplineRuleException>(() => Transfers.RequestAsync(caseId, TransferTarget.Colleague(colleague.UserId), "move it", supervisor));

        await using var db = factory.CreateDbContext();
        Assert.False(await db.CaseTransfers.AnyAsync(t => t.CaseId == caseId));
    }

    [Fact]
    public async Task A_case_is_transferred_only_to_a_colleague_of_its_line_and_one_transfer_at_a_time()
    {
        var owner = await ColleagueAsync("Owner");
        var kyrgyzOnly = await ColleagueAsync("Kyrgyz line", lines: "117");
        var colleague = await ColleagueAsync("Colleague");
        var caseId = await CaseOfAsync(owner);

        await Assert.ThrowsAsync<HelplineRuleException>(() => Transfers.RequestAsync(caseId, TransferTarget.Colleague(kyrgyzOnly.UserId), "note", owner));
        await Assert.ThrowsAsync<HelplineRuleException>(() => Transfers.RequestAsync(caseId, TransferTarget.Colleague(colleague.UserId), " ", owner));
        await Transfers.RequestAsync(caseId, TransferTarget.Colleague(colleague.UserId), "note", owner);
        await Assert.ThrowsAsync<HelplineRuleException>(() => Transfers.RequestAsync(caseId, TransferTarget.Colleague(colleague.UserId), "again", owner));
    }

    [Fact]
    public async Task A_transfer_to_a_specialism_is_offered_to_every_specialist_and_exactly_one_accept_wins()
    {
        var owner = await ColleagueAsync("Owner", lines: "117");
        var lawyers = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => ColleagueAsync($"Lawyer {i}", lines: "117", specialisms: Specialisms.Lawyer)));
        var psychologist = await ColleagueAsync("Psychologist", lines: "117", specialisms: Specialisms.Psychologist);
        var caseId = await CaseOfAsync(owner, "117");

        var transfer = await Transfers.RequestAsync(caseId, TransferTarget.Role(Specialisms.Lawyer), "Needs a protection order.", owner);
        Assert.All(lawyers, lawyer => Assert.Single(Transfers.ListIncomingAsync(lawyer).Result, t => t.Id == transfer.Id));
        Assert.DoesNotContain(await Transfers.ListIncomingAsync(psychologist), t => t.Id == transfer.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Transfers.AcceptAsync(transfer.Id, psychologist));

        var outcomes = await Task.WhenAll(lawyers.Select(async lawyer =>
        {
            try
            {
                await Transfers.AcceptAsync(transfer.Id, lawyer);
                return lawyer.UserId;
            }
            catch (HelplineRuleException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, await OwnerOfAsync(caseId));
        Assert.All(lawyers, lawyer => Assert.DoesNotContain(Transfers.ListIncomingAsync(lawyer).Result, t => t.Id == transfer.Id));
    }

    [Fact]
    public async Task A_transfer_of_a_case_closed_meanwhile_cannot_be_accepted_and_lapses()
    {
        var owner = await ColleagueAsync("Owner");
        var receiver = await ColleagueAsync("Receiver");
        var caseId = await CaseOfAsync(owner);
        var transfer = await Transfers.RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "note", owner);
        await Service<CaseService>().CloseAsync(caseId, CaseOutcome.CallerDisconnected, null, owner);

        await Assert.ThrowsAsync<HelplineRuleException>(() => Transfers.AcceptAsync(transfer.Id, receiver));

        Assert.Equal(owner.UserId, await OwnerOfAsync(caseId));
        Assert.Equal(TransferStatus.Cancelled, (await Transfers.ListForCaseAsync(caseId, owner)).Single().Status);
    }

    [Fact]
    public async Task Transfers_are_published_live_to_both_sides()
    {
        var sender = await ColleagueAsync("Sender");
        var receiver = await ColleagueAsync("Receiver");
        var caseId = await CaseOfAsync(sender);
        var seen = new List<TransferChanged>();
        using var subscription = Service<TransferNotifier>().Subscribe(change =>
        {
            lock (seen)
            {
                seen.Add(change);
            }

            return Task.CompletedTask;
        });

        var transfer = await Transfers.RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "note", sender);
        await Transfers.AcceptAsync(transfer.Id, receiver);

        var mine = seen.Where(c => c.CaseId == caseId).ToList();
        Assert.Equal([TransferStatus.Pending, TransferStatus.Accepted], mine.Select(c => c.Status));
        Assert.Equal(receiver.UserId, mine[1].NewOwnerId);
        Assert.Equal(sender.UserId, mine[1].FromUserId);
    }

    [Fact]
    public async Task A_released_contact_keeps_its_arrival_time_and_returns_to_its_place_in_the_queue()
    {
        var counsellor = await ColleagueAsync("Counsellor");
        var first = await QueueAsync();
        var second = await QueueAsync();
        var third = await QueueAsync();
        DateTime arrived;
        await using (var db = factory.CreateDbContext())
        {
            arrived = await db.Contacts.Where(c => c.Id == second).Select(c => c.ArrivedAt).SingleAsync();
        }

        var caseId = (await Service<QueueService>().ClaimAsync(second, counsellor)).CaseId!.Value;
        var published = new List<QueueChange>();
        using var subscription = Service<QueueNotifier>().Subscribe(change =>
        {
            lock (published)
            {
                published.Add(change);
            }

            return Task.CompletedTask;
        });

        await Service<ContactReleaseService>().ReleaseAsync(caseId, ReleaseReason.WrongLanguage, counsellor);

        await using (var db = factory.CreateDbContext())
        {
            var released = await db.Contacts.SingleAsync(c => c.Id == second);
            Assert.Equal(ContactStatus.Waiting, released.Status);
            Assert.Equal(arrived, released.ArrivedAt);
            Assert.Null(released.ClaimedById);
            Assert.Null(released.CaseId);
            Assert.False(await db.Cases.AnyAsync(c => c.Id == caseId));
            var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.ContactReleased && e.Subject == AuditTrail.Contact(second));
            Assert.Contains("WrongLanguage", audit.Detail);
        }

        var waiting = (await Service<QueueService>().ListWaitingAsync(counsellor)).Select(c => c.Id).Where(id => id == first || id == second || id == third);
        Assert.Equal([first, second, third], waiting);
        var change = Assert.IsType<ContactReleased>(Assert.Single(published, p => p.ContactId == second));
        Assert.Equal(arrived, change.Contact.ArrivedAt);

        // Someone else can claim it again.
        Assert.Equal(ClaimStatus.Won, (await Service<QueueService>().ClaimAsync(second, TestActors.Counsellor("t-other", "Other", "111"))).Status);
    }

    [Fact]
    public async Task Only_the_counsellor_who_claimed_may_release_and_not_once_work_is_recorded()
    {
        var counsellor = await ColleagueAsync("Counsellor");
        var colleague = await ColleagueAsync("Colleague");
        var caseId = await CaseOfAsync(counsellor);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<ContactReleaseService>().ReleaseAsync(caseId, ReleaseReason.WrongLanguage, colleague));
        await Service<CaseService>().AddNoteAsync(caseId, "Caller described threats.", counsellor);
        await Assert.ThrowsAsync<HelplineRuleException>(() => Service<ContactReleaseService>().ReleaseAsync(caseId, ReleaseReason.WrongLanguage, counsellor));

        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Claimed, (await db.Contacts.SingleAsync(c => c.CaseId == caseId)).Status);
    }
}
