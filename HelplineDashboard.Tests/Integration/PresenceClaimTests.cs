using HelplineDashboard.Common;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>The queue service itself refuses claims from counsellors on Break or Offline.</summary>
public sealed class PresenceClaimTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private async Task<long> QueueAsync(string externalId)
    {
        await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact(externalId));
        await using var db = factory.CreateDbContext();
        return await db.Contacts.Where(c => c.ExternalId == externalId).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task A_counsellor_on_break_cannot_claim_and_the_contact_keeps_waiting()
    {
        var counsellor = TestActors.Counsellor("presence-break", "Asel");
        var presence = factory.Services.GetRequiredService<PresenceService>();
        await presence.CircuitUpAsync(counsellor);
        await presence.SetAsync(counsellor, PresenceStatus.Break);
        var contactId = await QueueAsync("presence-break-1");

        await Assert.ThrowsAsync<HelplineRuleException>(() => factory.Services.GetRequiredService<QueueService>().ClaimAsync(contactId, counsellor));

        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == contactId)).Status);
    }

    [Fact]
    public async Task Claiming_makes_an_available_counsellor_busy()
    {
        var counsellor = TestActors.Counsellor("presence-claim", "Dinara");
        var presence = factory.Services.GetRequiredService<PresenceService>();
        await presence.CircuitUpAsync(counsellor);
        var contactId = await QueueAsync("presence-claim-1");

        var result = await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contactId, counsellor);

        Assert.Equal(ClaimStatus.Won, result.Status);
        Assert.Equal(PresenceStatus.Busy, presence.StatusOf(counsellor.UserId));
    }
}
