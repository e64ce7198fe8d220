using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
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

    private async Task<long> QueueContactAsync(string language = "kk", string? from = null)
    {
        var intake = factory.Services.GetRequiredService<IntakeService>();
        var externalId = $"batch-{Guid.NewGuid():N}";
        var number = from ?? $"+7701{Random.Shared.Next(1_000_000, 9_999_999)}";
        return (await intake.SubmitAsync("test-gateway", new ValidIntake("111", ContactChannel.Voice, externalId, number, language, null, null, false))).Id;
    }

    private static ClaimRequest Request(long contactId, Actor actor) => new(contactId, actor, CaseChoice.JoinOpenCase, DateTime.UtcNow);

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
}
