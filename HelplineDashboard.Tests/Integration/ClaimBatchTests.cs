using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Claims applied together in one transaction (docs/decisions/0015-claim-batching.md) keep every claim rule.</summary>
public sealed class ClaimBatchTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private QueueService Queue => factory.Services.GetRequiredService<QueueService>();

    private ClaimWriter Writer => factory.Services.GetRequiredService<ClaimWriter>();

    private ClaimedContacts Claimed => factory.Services.GetRequiredService<ClaimedContacts>();

    private async Task<long> QueueContactAsync(string language = "kk", string? from = null)
    {
        var intake = factory.Services.GetRequiredService<IntakeService>();
        var externalId = $"batch-{Guid.NewGuid():N}";
        var number = from ?? $"+7701{Random.Shared.Next(1_000_000, 9_999_999)}";
        return (await intake.SubmitAsync("test-gateway", new ValidIntake("111", ContactChannel.Voice, externalId, number, language, null, null, false))).Id;
    }

    private static ClaimRequest Request(long contactId, Actor actor) => new(contactId, actor, CaseChoice.JoinOpenCase, DateTime.UtcNow);

    /// <summary>A waiting contact with a claim registered as on its way (not handed to the writer), and a second claim waiting on it.</summary>
    private async Task<(long ContactId, TaskCompletionSource OnItsWay, Task<ClaimResult> Waiting)> ClaimWaitingOnAnotherAsync(Actor waiter)
    {
        var contactId = await QueueContactAsync();
        Assert.Null(Claimed.ClaimOnItsWay(contactId, out var onItsWay));
        var waiting = Queue.ClaimAsync(contactId, waiter);
        Assert.False(waiting.IsCompleted);
        return (contactId, onItsWay!, waiting);
    }

    [Fact]
    public async Task Two_claims_on_one_contact_in_one_batch_give_one_winner_and_the_normal_already_claimed_answer()
    {
        var contactId = await QueueContactAsync();
        var first = TestActors.Counsellor("batch-first", "Aruzhan");
        var second = TestActors.Counsellor("batch-second", "Bolat");

        var answers = await Writer.CommitAsync([Request(contactId, first), Request(contactId, second)]);

        Assert.Equal(ClaimStatus.Won, answers[0].Result.Status);
        Assert.Equal(ClaimResult.AlreadyClaimed("Aruzhan"), answers[1].Result);
        await using var db = factory.CreateDbContext();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        Assert.Equal(ContactStatus.Claimed, contact.Status);
        Assert.Equal(first.UserId, contact.ClaimedById);
        Assert.Equal(answers[0].Result.CaseId, contact.CaseId);
        Assert.Equal(1, await db.Cases.CountAsync(c => c.Contacts.Any(x => x.Id == contactId)));
    }

    [Fact]
    public async Task Every_claim_of_a_batch_opens_its_own_case_and_is_audited()
    {
        var contacts = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            contacts.Add(await QueueContactAsync());
        }

        var counsellors = contacts.Select((_, i) => TestActors.Counsellor($"batch-many-{i}", $"Counsellor {i}")).ToList();

        var answers = await Writer.CommitAsync(contacts.Select((id, i) => Request(id, counsellors[i])).ToList());

        Assert.All(answers, a => Assert.Equal(ClaimStatus.Won, a.Result.Status));
        Assert.Equal(5, answers.Select(a => a.Result.CaseId).Distinct().Count());
        await using var db = factory.CreateDbContext();
        foreach (var (id, i) in contacts.Select((id, i) => (id, i)))
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == id);
            Assert.Equal(counsellors[i].UserId, contact.ClaimedById);
            Assert.Equal(answers[i].Result.CaseId, contact.CaseId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Subject == $"contact:{id}" && a.ActorId == counsellors[i].UserId));
        }
    }

    [Fact]
    public async Task A_repeat_callers_two_contacts_claimed_in_one_batch_by_one_counsellor_share_one_case()
    {
        const string number = "+77017770001";
        var earlier = await QueueContactAsync(from: number);
        var later = await QueueContactAsync(from: number);
        var counsellor = TestActors.Counsellor("batch-repeat", "Gulnara");

        var answers = await Writer.CommitAsync([Request(earlier, counsellor), Request(later, counsellor)]);

        Assert.All(answers, a => Assert.Equal(ClaimStatus.Won, a.Result.Status));
        Assert.Equal(answers[0].Result.CaseId, answers[1].Result.CaseId);
    }

    [Fact]
    public async Task Claims_refused_for_presence_or_language_do_not_hold_up_the_claims_made_with_them()
    {
        var onBreak = TestActors.Counsellor("batch-break", "Saule");
        var presence = factory.Services.GetRequiredService<PresenceService>();
        await presence.CircuitUpAsync(onBreak);
        await presence.SetAsync(onBreak, PresenceStatus.Break);
        var kazakhOnly = await Administrators.ActorForAsync(factory, Accounts.Counsellor1); // Kazakh and Russian
        var kyrgyz = await QueueContactAsync("ky");
        var contacts = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            contacts.Add(await QueueContactAsync());
        }

        using var start = new ManualResetEventSlim();
        var claims = contacts.Select((id, i) => Task.Run(async () =>
        {
            start.Wait();
            return await Queue.ClaimAsync(id, TestActors.Counsellor($"batch-ok-{i}", $"Counsellor {i}"));
        })).ToList();
        var refusedForBreak = Task.Run(async () =>
        {
            start.Wait();
            return await Record.ExceptionAsync(() => Queue.ClaimAsync(contacts[0], onBreak));
        });
        var refusedForLanguage = Task.Run(async () =>
        {
            start.Wait();
            return await Queue.ClaimAsync(kyrgyz, kazakhOnly);
        });
        start.Set();

        Assert.All(await Task.WhenAll(claims), r => Assert.Equal(ClaimStatus.Won, r.Status));
        Assert.IsType<HelplineRuleException>(await refusedForBreak);
        Assert.Equal(ClaimStatus.OutOfLanguage, (await refusedForLanguage).Status);
        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == kyrgyz)).Status);
        Assert.Equal(8, await db.Contacts.CountAsync(c => contacts.Contains(c.Id) && c.Status == ContactStatus.Claimed && c.ClaimedById!.StartsWith("batch-ok-")));
    }

    [Fact]
    public async Task A_contact_released_after_a_claim_can_be_claimed_again()
    {
        var contactId = await QueueContactAsync();
        var first = TestActors.Counsellor("batch-release-1", "Nurlan");
        var second = TestActors.Counsellor("batch-release-2", "Ainur");
        var won = await Queue.ClaimAsync(contactId, first);
        Assert.Equal(ClaimResult.AlreadyClaimed("Nurlan"), await Queue.ClaimAsync(contactId, second));

        await factory.Services.GetRequiredService<ContactReleaseService>().ReleaseAsync(won.CaseId!.Value, ReleaseReason.ClaimedByMistake, first);

        Assert.Equal(ClaimStatus.Won, (await Queue.ClaimAsync(contactId, second)).Status);
        await using var db = factory.CreateDbContext();
        Assert.Equal(second.UserId, (await db.Contacts.SingleAsync(c => c.Id == contactId)).ClaimedById);
    }

    [Fact]
    public async Task A_claimed_contact_on_another_line_is_not_found_rather_than_named()
    {
        var contactId = await QueueContactAsync();
        Assert.Equal(ClaimStatus.Won, (await Queue.ClaimAsync(contactId, TestActors.Counsellor("batch-line-kz", "Zhanna", "111"))).Status);

        var answer = await Queue.ClaimAsync(contactId, TestActors.Counsellor("batch-line-kg", "Kyrgyz only", "117"));

        Assert.Equal(ClaimResult.NotFound(), answer);
    }

    [Fact]
    public async Task The_batchs_one_update_stores_each_claimants_own_time_and_name()
    {
        var first = await QueueContactAsync();
        var second = await QueueContactAsync();
        var at = new DateTime(2026, 12, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567);
        var aruzhan = TestActors.Counsellor("batch-stored-1", "Aruzhan");
        var bolat = TestActors.Counsellor("batch-stored-2", "Bolat");

        var answers = await Writer.CommitAsync(
        [
            new ClaimRequest(first, aruzhan, CaseChoice.JoinOpenCase, at),
            new ClaimRequest(second, bolat, CaseChoice.JoinOpenCase, at.AddSeconds(1)),
        ]);

        Assert.All(answers, a => Assert.Equal(ClaimStatus.Won, a.Result.Status));
        await using var db = factory.CreateDbContext();
        var stored = await db.Contacts.AsNoTracking().Where(c => c.Id == first || c.Id == second).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([(aruzhan.UserId, "Aruzhan", at), (bolat.UserId, "Bolat", at.AddSeconds(1))], stored.Select(c => (c.ClaimedById, c.ClaimedByName, c.ClaimedAt!.Value)));
        Assert.All(stored, c => Assert.Equal(DateTimeKind.Utc, c.ClaimedAt!.Value.Kind));

        // Stored as EF stores timestamps: a query comparing them finds exactly the second claim.
        Assert.Equal([second], await db.Contacts.Where(c => (c.Id == first || c.Id == second) && c.ClaimedAt > at).Select(c => c.Id).ToListAsync());
        Assert.Equal([answers[0].Result.CaseId, answers[1].Result.CaseId], stored.Select(c => c.CaseId));
    }

    [Fact]
    public async Task A_claim_waiting_on_another_claim_to_the_same_contact_is_refused_from_memory_right_after_that_claims_commit()
    {
        var (contactId, _, waiting) = await ClaimWaitingOnAnotherAsync(TestActors.Counsellor("batch-waiter", "Dana"));

        // The claim on its way commits; the writer lets the waiter go on without the first claimant being answered.
        var answers = await Writer.CommitAsync([Request(contactId, TestActors.Counsellor("batch-on-its-way", "Erlan"))]);
        Assert.Equal(ClaimStatus.Won, answers[0].Result.Status);

        Assert.Equal(ClaimResult.AlreadyClaimed("Erlan"), await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Claimed, (await db.Contacts.SingleAsync(c => c.Id == contactId)).Status);
    }

    [Fact]
    public async Task A_batch_that_fails_after_its_update_leaves_memory_unaware_and_the_waiting_claim_wins_in_the_database()
    {
        var (contactId, onItsWay, waiting) = await ClaimWaitingOnAnotherAsync(TestActors.Counsellor("batch-fail-waiter", "Farida"));

        // The audit row of this contact's claim cannot be written: the batch's update changed the row, then it fails.
        await using (await AuditOutage.BeginAsync(factory, AuditAction.ContactClaimed, $"contact:{contactId}"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Writer.CommitAsync([Request(contactId, TestActors.Counsellor("batch-fail-first", "Galym"))]));
        }

        // Rolled back: still waiting, and memory never says otherwise; the failed claimant's own answer lands it.
        Assert.Null(Claimed.Refusal(contactId, new HashSet<string> { "111" }));
        Assert.False(waiting.IsCompleted);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == contactId)).Status);
        }

        Claimed.Landed(contactId, onItsWay);
        Assert.Equal(ClaimStatus.Won, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Status);
    }

    [Fact]
    public async Task A_contact_a_batch_finds_claimed_is_remembered_so_the_next_claim_is_refused_from_memory()
    {
        var contactId = await QueueContactAsync();
        await using (var db = factory.CreateDbContext())
        {
            // Claimed before this app started (memory is empty after a restart).
            await db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, ContactStatus.Claimed)
                .SetProperty(c => c.ClaimedById, "batch-earlier")
                .SetProperty(c => c.ClaimedByName, "Halima"));
        }

        Assert.Null(Claimed.Refusal(contactId, new HashSet<string> { "111" }));

        var answers = await Writer.CommitAsync([Request(contactId, TestActors.Counsellor("batch-late", "Ilyas"))]);

        Assert.Equal(ClaimResult.AlreadyClaimed("Halima"), answers[0].Result);
        Assert.Equal(ClaimResult.AlreadyClaimed("Halima"), Claimed.Refusal(contactId, new HashSet<string> { "111" }));
        Assert.Null(Claimed.Refusal(contactId, new HashSet<string> { "117" }));
    }
}
