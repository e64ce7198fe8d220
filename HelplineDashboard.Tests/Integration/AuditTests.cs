using HelplineDashboard.Common;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class AuditTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private readonly AuditLog _audit = factory.Services.GetRequiredService<AuditLog>();
    private readonly Features.Accounts.Actor _admin = TestActors.Admin();

    private async Task<long> ClaimedCaseAsync(string externalId, Features.Accounts.Actor counsellor)
    {
        var contact = await factory.Services.GetRequiredService<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("111", ContactChannel.Sms, externalId, "+77019990011", "ru", "my husband beats me", "Astana", false));
        return (await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contact.Id, counsellor)).CaseId!.Value;
    }

    [Fact]
    public async Task Sign_ins_that_succeed_and_fail_are_audited()
    {
        var client = SignIn.AnonymousClient(factory);
        await SignIn.PostLoginAsync(client, Accounts.Counsellor2, "not the password");
        await SignIn.PostLoginAsync(client, Accounts.Counsellor2, HelplineAppFactory.Password);

        var failed = await _audit.SearchAsync(new AuditQuery(AuditAction.SignInFailed, Who: Accounts.Counsellor2), _admin);
        var succeeded = await _audit.SearchAsync(new AuditQuery(AuditAction.SignInSucceeded, Who: "Bakyt Toktogulov"), _admin);

        Assert.NotEmpty(failed);
        Assert.Equal("wrong email or password", failed[0].Detail);
        Assert.NotEmpty(succeeded);
    }

    [Fact]
    public async Task Every_step_of_case_work_leaves_an_entry_without_survivor_data()
    {
        var counsellor = TestActors.Counsellor("audit-c1", "Aigerim", "111");
        var caseId = await ClaimedCaseAsync("audit-1", counsellor);
        var cases = factory.Services.GetRequiredService<CaseService>();
        await cases.GetAsync(caseId, counsellor);
        await cases.GetAsync(caseId, counsellor, CaseRead.Refresh);
        await cases.AddNoteAsync(caseId, "He has a gun in the house", counsellor);
        await factory.Services.GetRequiredService<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = "police", Region = "Astana", Address = "Mangilik El 1", Summary = "Gun in the house",
        }, counsellor);
        await cases.CloseAsync(caseId, CaseOutcome.EscalatedToEmergencyServices, null, counsellor);

        var entries = await _audit.SearchAsync(new AuditQuery(Who: "audit-c1"), _admin);

        Assert.Equal(
            [AuditAction.ContactClaimed, AuditAction.CaseViewed, AuditAction.NoteAdded, AuditAction.EscalationRequested, AuditAction.CaseClosed],
            entries.Select(e => e.Action).Reverse());
        Assert.All(entries, e => Assert.Equal("111", e.Line));
        Assert.All(entries.Where(e => e.Action != AuditAction.ContactClaimed), e => Assert.Equal($"case:{caseId}", e.Subject));
        var everything = string.Join('|', entries.Select(e => $"{e.Subject} {e.Detail}"));
        Assert.DoesNotContain("9990011", everything);
        Assert.DoesNotContain("husband", everything);
        Assert.DoesNotContain("gun", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mangilik", everything);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_entries()
    {
        await _audit.WriteAsync(AuditAction.SettingsChanged, "a1", "Admin", "127.0.0.1", "test entry");
        await using var db = factory.CreateDbContext();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "ActorName" = 'someone else'"""));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.NotEmpty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task Supervisors_search_their_lines_administrators_search_everything_counsellors_cannot_search()
    {
        var counsellor = TestActors.Counsellor("audit-c2", "Aigerim", "111");
        var caseId = await ClaimedCaseAsync("audit-2", counsellor);
        var subject = new AuditQuery(Subject: $"case:{caseId}");
        await factory.Services.GetRequiredService<CaseService>().GetAsync(caseId, counsellor);

        Assert.NotEmpty(await _audit.SearchAsync(subject, TestActors.Supervisor("s111", "Dana", "111")));
        Assert.Empty(await _audit.SearchAsync(subject, TestActors.Supervisor("s117", "Nurlan", "117")));
        Assert.NotEmpty(await _audit.SearchAsync(subject, _admin));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _audit.SearchAsync(subject, counsellor));
    }
}

public sealed class AdministrationAuditTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    [Fact]
    public async Task Account_and_key_changes_by_administrators_are_audited()
    {
        var admin = TestActors.Admin("audit-admin");
        var users = factory.Services.GetRequiredService<Features.Administration.UserAdministrationService>();
        var keys = factory.Services.GetRequiredService<Features.Administration.ApiKeyService>();

        var created = await users.CreateAsync(new Features.Administration.NewUser
        {
            Email = "new.counsellor@helpline.local",
            DisplayName = "New Counsellor",
            Roles = [Features.Accounts.Roles.Counsellor],
            Lines = ["111"],
        }, admin);
        await users.DisableAsync(created.User.Id, admin);
        var key = await keys.CreateAsync(new Features.Administration.NewApiKey { Name = "audited-pbx", Scope = Features.Administration.ApiKeyScope.Intake, Lines = ["111"] }, admin);
        await keys.RevokeAsync(key.Key.Id, admin);

        var entries = await factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(AuditAction.SettingsChanged, Who: "audit-admin"), admin);

        Assert.Equal(4, entries.Count);
        Assert.Contains(entries, e => e.Detail!.StartsWith($"user:{created.User.Id}: created", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Detail == $"user:{created.User.Id}: {AuditDetails.AccountDisabled}");
        Assert.Contains(entries, e => e.Detail == $"key:{key.Key.Id}: {AuditDetails.KeyRevoked}");
        Assert.DoesNotContain(entries, e => e.Detail!.Contains(key.Secret, StringComparison.Ordinal));
    }
}
