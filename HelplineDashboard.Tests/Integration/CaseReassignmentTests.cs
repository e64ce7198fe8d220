using HelplineDashboard.Common;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>A supervisor moves a case to another counsellor of the line, with a reason, and it is audited.</summary>
public sealed class CaseReassignmentTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private async Task<(long CaseId, string ToUserId)> OpenCaseAsync(string externalId)
    {
        await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact(externalId));
        await using var db = factory.CreateDbContext();
        var contactId = await db.Contacts.Where(c => c.ExternalId == externalId).Select(c => c.Id).SingleAsync();
        var caseId = (await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contactId, TestActors.Counsellor("reassign-owner", "Asel", "111"))).CaseId!.Value;
        var to = await db.Users.Where(u => u.Email == Accounts.Counsellor2).Select(u => u.Id).SingleAsync();
        return (caseId, to);
    }

    [Fact]
    public async Task A_supervisor_reassigns_a_case_with_a_reason_and_it_is_audited()
    {
        var (caseId, to) = await OpenCaseAsync("reassign-1");
        var supervisor = TestActors.Supervisor("reassign-sup", "Dana", "111");

        await factory.Services.GetRequiredService<CaseReassignmentService>().ReassignAsync(caseId, to, "End of Asel's shift", supervisor);

        await using var db = factory.CreateDbContext();
        Assert.Equal(to, (await db.Cases.SingleAsync(c => c.Id == caseId)).OwnerId);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.CaseReassigned && e.Subject == AuditTrail.Case(caseId));
        Assert.Equal(supervisor.UserId, entry.ActorId);
        Assert.Contains("End of Asel's shift", entry.Detail);
    }

    [Fact]
    public async Task A_reassignment_needs_a_reason_a_supervisor_of_the_line_and_a_counsellor_of_the_line()
    {
        var (caseId, to) = await OpenCaseAsync("reassign-2");
        var service = factory.Services.GetRequiredService<CaseReassignmentService>();

        await Assert.ThrowsAsync<HelplineRuleException>(() => service.ReassignAsync(caseId, to, "  ", TestActors.Supervisor("s", "Dana", "111")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ReassignAsync(caseId, to, "shift", TestActors.Counsellor("c", "Aigerim", "111")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ReassignAsync(caseId, to, "shift", TestActors.Supervisor("s", "Dana", "117")));
        await Assert.ThrowsAsync<HelplineRuleException>(() => service.ReassignAsync(caseId, "no-such-user", "shift", TestActors.Supervisor("s", "Dana", "111")));
    }
}
