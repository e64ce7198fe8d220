using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Cases.Lists;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// The same matrix one level down, where the rules live: every service operation a page or circuit can call, for the
/// case's owner, another counsellor, a supervisor of the line and of another line, and an administrator.
/// </summary>
public sealed class ServiceAccessMatrixTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private static readonly Actor Owner = TestActors.Counsellor("m-owner", "Owner", "111");
    private static readonly Actor OtherCounsellor = TestActors.Counsellor("m-other", "Other", "111");
    private static readonly Actor LineSupervisor = TestActors.Supervisor("m-sup111", "Sup 111", "111");
    private static readonly Actor OtherLineSupervisor = TestActors.Supervisor("m-sup117", "Sup 117", "117");
    private static readonly Actor Administrator = TestActors.Admin("m-admin");

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private async Task<(long CaseId, Guid EscalationId)> OwnersCaseAsync()
    {
        var contact = await Service<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("111", ContactChannel.Voice, $"m-{Guid.NewGuid():N}", "+77011112233", "kk", null, "Astana", false));
        var caseId = (await Service<QueueService>().ClaimAsync(contact.Id, Owner)).CaseId!.Value;
        var escalation = await Service<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = "police", Region = "Astana", Address = "Street 1", Summary = "Threats",
        }, Owner);
        return (caseId, escalation.Id);
    }

    private static async Task<bool> AllowedAsync(Func<Task> operation)
    {
        try
        {
            await operation();
            return true;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
        catch (HelplineRuleException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Each_role_may_do_exactly_what_the_rules_allow_on_a_case()
    {
        var actors = new[] { Owner, OtherCounsellor, LineSupervisor, OtherLineSupervisor, Administrator };
        var wrong = new List<string>();

        async Task Check(string operation, bool[] expected, Func<Actor, (long CaseId, Guid EscalationId), Task> act)
        {
            for (var i = 0; i < actors.Length; i++)
            {
                var fixture = await OwnersCaseAsync();
                var allowed = await AllowedAsync(() => act(actors[i], fixture));
                if (allowed != expected[i])
                {
                    wrong.Add($"{actors[i].DisplayName} {operation}: expected {(expected[i] ? "allowed" : "refused")}");
                }
            }
        }

        //                                          owner  other  sup111 sup117 admin
        await Check("read the case", [true, false, true, false, false], (a, f) => Service<CaseService>().GetAsync(f.CaseId, a));
        await Check("add a note", [true, false, false, false, false], (a, f) => Service<CaseService>().AddNoteAsync(f.CaseId, "note", a));
        await Check("escalate", [true, false, false, false, false], (a, f) => Service<EscalationService>().RequestAsync(f.CaseId,
            new EscalationRequest { Target = "police", Region = "Astana", Address = "Street 2", Summary = "Again" }, a));
        await Check("record a manual call", [true, false, true, false, false], (a, f) => Service<EscalationService>().RecordManualCallAsync(f.EscalationId, "ref 1", null, a));
        await Check("close the case", [true, false, false, false, false], (a, f) => Service<CaseService>().CloseAsync(f.CaseId, CaseOutcome.InformationProvided, null, a));
        await Check("list escalations", [false, false, true, true, false], (a, _) => Service<EscalationService>().ListForSupervisorAsync(a, DateTime.UtcNow.AddDays(-1)));
        await Check("search the audit log", [false, false, true, true, true], (a, _) => Service<AuditLog>().SearchAsync(new AuditQuery(), a));
        await Check("see the queue", [true, true, true, true, false], (a, _) => Service<QueueService>().ListWaitingAsync(a));

        var colleague = await Administrators.ActorForAsync(factory, Accounts.Counsellor2);
        var shelter = (await Service<ReferralService>().DirectoryAsync("111", "Astana", SupportServiceKind.Shelter, Owner)).First();
        await Check("transfer the case", [true, false, false, false, false], (a, f) => Service<TransferService>().RequestAsync(f.CaseId,
            TransferTarget.Colleague(colleague.UserId), "Please take over.", a));
        await Check("read the case's transfers", [true, false, true, false, false], (a, f) => Service<TransferService>().ListForCaseAsync(f.CaseId, a));
        await Check("schedule a follow-up", [true, false, false, false, false], (a, f) => Service<FollowUpService>().ScheduleAsync(f.CaseId, DateTime.UtcNow.AddHours(2), null, a));
        await Check("read the case's follow-ups", [true, false, true, false, false], (a, f) => Service<FollowUpService>().ListForCaseAsync(f.CaseId, a));
        await Check("refer the caller", [true, false, false, false, false], (a, f) => Service<ReferralService>().ReferAsync(f.CaseId, shelter.Id, true, ReferralStatus.Made, a));
        await Check("read the case's referrals", [true, false, true, false, false], (a, f) => Service<ReferralService>().ListForCaseAsync(f.CaseId, a));
        await Check("list own cases", [true, true, true, true, false], (a, _) => Service<CaseListService>().ListAsync(CaseScope.Mine, new CaseFilter(), a));
        await Check("list all cases of the lines", [false, false, true, true, false], (a, _) => Service<CaseListService>().ListAsync(CaseScope.AllOfMyLines, new CaseFilter(), a));
        await Check("read the case work and timeline", [true, false, true, false, false], (a, f) => Service<CaseWorkspaceService>().GetAsync(f.CaseId, a));
        await Check("list categories to filter cases by", [true, true, true, true, false], (a, _) => Service<Features.Categories.CategoryService>().ListActiveAsync(a));
        await Check("list overdue follow-ups", [false, false, true, true, false], (a, _) => Service<FollowUpService>().ListOverdueAsync(a));

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_counsellor_claims_only_on_lines_they_serve_and_an_administrator_never()
    {
        var contact = await Service<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("117", ContactChannel.Voice, $"m-kg-{Guid.NewGuid():N}", "+996555112233", "ky", null, "Osh", false));

        Assert.Equal(ClaimStatus.NotFound, (await Service<QueueService>().ClaimAsync(contact.Id, Owner)).Status);
        Assert.False(await AllowedAsync(() => Service<QueueService>().ClaimAsync(contact.Id, Administrator)));
        Assert.Equal(ClaimStatus.Won, (await Service<QueueService>().ClaimAsync(contact.Id, TestActors.Counsellor("m-kg", "Kyrgyz line", "117"))).Status);
    }
}
