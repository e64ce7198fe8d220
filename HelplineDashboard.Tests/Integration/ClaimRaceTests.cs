using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class ClaimRaceTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private async Task<long> QueueContactAsync(string externalId)
    {
        var intake = factory.Services.GetRequiredService<IntakeService>();
        var result = await intake.SubmitAsync("test-gateway", new ValidIntake("111", ContactChannel.Voice, externalId, "+77011234567", "kk", null, "Almaty", false));
        return result.Id;
    }

    [Fact]
    public async Task Fifty_counsellors_claiming_one_contact_at_once_produce_exactly_one_winner_and_one_case()
    {
        var contactId = await QueueContactAsync("race-50");
        var queue = factory.Services.GetRequiredService<QueueService>();
        var counsellors = Enumerable.Range(1, 50).Select(i => TestActors.Counsellor($"c{i}", $"Counsellor {i}")).ToList();
        using var start = new ManualResetEventSlim();

        var claims = counsellors.Select(c => Task.Run(async () =>
        {
            start.Wait();
            return (Counsellor: c, Result: await queue.ClaimAsync(contactId, c));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r.Result.Status == ClaimStatus.Won);
        var losers = results.Where(r => r.Result.Status != ClaimStatus.Won).ToList();
        Assert.Equal(49, losers.Count);
        Assert.All(losers, l =>
        {
            Assert.Equal(ClaimStatus.AlreadyClaimed, l.Result.Status);
            Assert.Equal(winner.Counsellor.DisplayName, l.Result.ClaimedByName);
        });

        await using var db = factory.CreateDbContext();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        var cases = await db.Cases.Where(c => c.Contacts.Any(x => x.Id == contactId)).ToListAsync();
        var opened = Assert.Single(cases);
        Assert.Equal(ContactStatus.Claimed, contact.Status);
        Assert.Equal(winner.Counsellor.UserId, contact.ClaimedById);
        Assert.Equal(winner.Result.CaseId, opened.Id);
        Assert.Equal(winner.Counsellor.UserId, opened.OwnerId);
        Assert.Equal(1, await db.Cases.CountAsync(c => c.OwnerId.StartsWith("c") && c.Id == contact.CaseId));
    }

    [Fact]
    public async Task Claiming_an_abandoned_contact_is_refused_and_opens_no_case()
    {
        var contactId = await QueueContactAsync("race-abandoned");
        await factory.Services.GetRequiredService<IntakeService>().AbandonAsync("test-gateway", "race-abandoned");
        await using var before = factory.CreateDbContext();
        var casesBefore = await before.Cases.CountAsync();

        var result = await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contactId, TestActors.Counsellor());

        Assert.Equal(ClaimStatus.Abandoned, result.Status);
        await using var after = factory.CreateDbContext();
        Assert.Equal(casesBefore, await after.Cases.CountAsync());
    }

    [Fact]
    public async Task A_counsellor_cannot_claim_a_contact_on_a_line_they_do_not_serve()
    {
        var contactId = await QueueContactAsync("race-other-line");

        var result = await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contactId, TestActors.Counsellor("kg1", "Kyrgyz only", "117"));

        Assert.Equal(ClaimStatus.NotFound, result.Status);
        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == contactId)).Status);
    }

    [Fact]
    public async Task An_administrator_cannot_claim()
    {
        var contactId = await QueueContactAsync("race-admin");

        await Assert.ThrowsAsync<Common.AccessDeniedException>(() =>
            factory.Services.GetRequiredService<QueueService>().ClaimAsync(contactId, TestActors.Admin()));
    }
}
