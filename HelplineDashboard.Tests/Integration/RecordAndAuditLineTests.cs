using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// Issue #7's "nothing is half-written", for every write that carries an audit line: when the audit log refuses the
/// line (a SQLite trigger), the write fails and leaves its record as it was, publishes nothing, and is not dressed up as
/// a rule; when the log takes it, the write lands with exactly one line.
/// </summary>
public sealed class RecordAndAuditLineTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private static readonly Actor Admin = TestActors.Admin("audit-lines-admin");

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>One write: its audit action, the write itself, and a picture of the record it changes.</summary>
    private sealed record Write(AuditAction Action, Func<Task> Act, Func<HelplineDashboard.Data.HelplineDbContext, Task<string>> Record);

    public static TheoryData<string> Writes() =>
    [
        "note added", "referral recorded", "follow-up scheduled", "follow-up done",
        "transfer requested", "transfer declined", "transfer cancelled", "transfer lapsed",
        "category added", "support service added", "support service changed", "thresholds changed",
        "key created", "key rotated", "key revoked",
        "user created", "password reset", "access changed", "specialisms changed", "languages changed", "user disabled", "user enabled",
        "own two-factor turned on",
    ];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_whose_audit_line_is_refused_leaves_nothing_and_lands_with_one_line_once_the_log_takes_it(string name)
    {
        var write = await ArrangeAsync(name);
        var before = await RecordAsync(write);
        var linesBefore = await LinesAsync(write.Action);

        Exception refused;
        using (var published = new Publications(factory.Services))
        {
            await using (await AuditOutage.BeginAsync(factory, write.Action))
            {
                refused = await Assert.ThrowsAnyAsync<Exception>(write.Act);
            }

            Assert.Empty(published.Changes);
        }

        Assert.IsNotType<HelplineRuleException>(refused);
        Assert.Equal(before, await RecordAsync(write));
        Assert.Equal(linesBefore, await LinesAsync(write.Action));

        await write.Act();

        Assert.NotEqual(before, await RecordAsync(write));
        Assert.Equal(linesBefore + 1, await LinesAsync(write.Action));
    }

    [Theory]
    [InlineData("transfer")]
    [InlineData("key")]
    public async Task A_duplicate_caught_by_the_unique_index_reads_as_the_rule_and_leaves_nothing(string record)
    {
        // Another write of the same record lands between this write's check and its insert (recursive triggers are
        // off, so the trigger's own insert does not fire it again); the unique index refuses this one.
        var trigger = $"unique_race_{Guid.NewGuid():N}";
        string create;
        Func<Task> act;
        Func<HelplineDashboard.Data.HelplineDbContext, Task<bool>> anyLeft;
        string rule;
        if (record == "transfer")
        {
            var (caseId, sender, receiver) = await CaseWithColleagueAsync();
            create = $"CREATE TRIGGER {trigger} BEFORE INSERT ON CaseTransfers WHEN NEW.CaseId = {caseId} BEGIN " +
                "INSERT INTO CaseTransfers (CaseId, Line, FromUserId, FromName, Note, Status, RequestedAt) " +
                "VALUES (NEW.CaseId, NEW.Line, NEW.FromUserId, NEW.FromName, NEW.Note, 'Pending', NEW.RequestedAt); END";
            act = () => Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "Please take over.", sender);
            anyLeft = db => db.CaseTransfers.AnyAsync(t => t.CaseId == caseId);
            rule = "This case already has a transfer waiting for an answer.";
        }
        else
        {
            var name = $"gw-{Guid.NewGuid():N}"[..20];
            create = $"CREATE TRIGGER {trigger} BEFORE INSERT ON ApiKeys WHEN NEW.Name = '{name}' BEGIN " +
                "INSERT INTO ApiKeys (Name, Scope, Lines, KeyHash, Prefix, CreatedAt, CreatedByName) " +
                "VALUES (NEW.Name, NEW.Scope, NEW.Lines, 'other-' || NEW.KeyHash, NEW.Prefix, NEW.CreatedAt, NEW.CreatedByName); END";
            act = () => factory.Keys().CreateAsync(new NewApiKey { Name = name, Lines = ["111"] }, Admin);
            anyLeft = db => db.ApiKeys.AnyAsync(k => k.Name == name);
            rule = "A key with this name is in use. Rotate it, or revoke it first.";
        }

        var drop = $"DROP TRIGGER {trigger}";
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(create);
        }

        HelplineRuleException refused;
        try
        {
            refused = await Assert.ThrowsAsync<HelplineRuleException>(act);
        }
        finally
        {
            await using var db = factory.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync(drop);
        }

        Assert.Equal(rule, refused.Message);
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await anyLeft(db));
        }
    }

    [Fact]
    public async Task A_report_export_whose_audit_line_is_refused_hands_out_no_file()
    {
        using var supervisor = await SignIn.AsAsync(factory, Accounts.Supervisor);
        var today = DateTime.UtcNow.Date;
        var export = $"/reports/export.csv?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}&line=111";
        var linesBefore = await LinesAsync(AuditAction.Exported);

        await using (await AuditOutage.BeginAsync(factory, AuditAction.Exported))
        {
            using var refused = await supervisor.Client.GetAsync(export);
            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, refused.StatusCode);
            Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(string.Join(',', Features.Reports.ReportCsv.Header), await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(linesBefore, await LinesAsync(AuditAction.Exported));
        using var handedOut = await supervisor.Client.GetAsync(export);
        Assert.Equal(System.Net.HttpStatusCode.OK, handedOut.StatusCode);
        Assert.Equal(linesBefore + 1, await LinesAsync(AuditAction.Exported));
    }

    [Fact]
    public async Task A_manual_call_whose_audit_line_is_refused_leaves_the_delivery_pending_and_the_call_unrecorded()
    {
        // A delivery waiting to go (the dispatcher is off, so nothing else moves it).
        await using var scenario = EscalationScenario.Start(
            $"http://127.0.0.1:{TestReceiver.FreePort()}/escalations", new Dictionary<string, string?> { ["Escalations:DispatcherEnabled"] = "false" });
        var escalation = await scenario.EscalateAsync();
        Task<EscalationView> PhonedIn() => scenario.Service<EscalationService>().RecordManualCallAsync(escalation.Id, "Operator Serikova, ref 4471", null, scenario.Counsellor);

        await using (await AuditOutage.BeginAsync(scenario.App, AuditAction.EscalationPhonedManually))
        {
            Assert.IsNotType<HelplineRuleException>(await Assert.ThrowsAnyAsync<Exception>(PhonedIn));
        }

        Assert.Equal(DeliveryState.Pending, (await scenario.DeliveryAsync(escalation.Id)).State);
        Assert.Null((await scenario.ReadAsync(escalation.Id)).PhonedManuallyAt);

        await PhonedIn();

        Assert.Equal(DeliveryState.Cancelled, (await scenario.DeliveryAsync(escalation.Id)).State);
        await using var db = scenario.App.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.EscalationPhonedManually));
    }

    private async Task<string> RecordAsync(Write write)
    {
        await using var db = factory.CreateDbContext();
        return await write.Record(db);
    }

    private async Task<int> LinesAsync(AuditAction action)
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Action == action);
    }

    private async Task<Write> ArrangeAsync(string name)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        switch (name)
        {
            case "note added":
            {
                var (caseId, owner) = await CaseAsync();
                return new(AuditAction.NoteAdded, () => Service<CaseService>().AddNoteAsync(caseId, "Caller is at her sister's.", owner),
                    async db => $"{await db.CaseNotes.CountAsync(n => n.CaseId == caseId)}");
            }

            case "referral recorded":
            {
                var (caseId, owner) = await CaseAsync();
                var service = (await Service<ReferralService>().DirectoryAsync("111", null, null, owner)).First();
                return new(AuditAction.ReferralRecorded, () => Service<ReferralService>().ReferAsync(caseId, service.Id, consentGiven: true, ReferralStatus.Made, owner),
                    async db => $"{await db.Referrals.CountAsync(r => r.CaseId == caseId)}");
            }

            case "follow-up scheduled":
            {
                var (caseId, owner) = await CaseAsync();
                return new(AuditAction.FollowUpScheduled, () => Service<FollowUpService>().ScheduleAsync(caseId, DateTime.UtcNow.AddHours(3), "Call about the hearing", owner),
                    async db => $"{await db.FollowUps.CountAsync(f => f.CaseId == caseId)}");
            }

            case "follow-up done":
            {
                var (caseId, owner) = await CaseAsync();
                var followUp = await Service<FollowUpService>().ScheduleAsync(caseId, DateTime.UtcNow.AddHours(3), null, owner);
                return new(AuditAction.FollowUpDone, () => Service<FollowUpService>().CompleteAsync(followUp.Id, owner),
                    async db => $"{(await db.FollowUps.SingleAsync(f => f.Id == followUp.Id)).Status}");
            }

            case "transfer requested":
            {
                var (caseId, sender, receiver) = await CaseWithColleagueAsync();
                return new(AuditAction.TransferRequested, () => Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "Please take over.", sender),
                    async db => $"{await db.CaseTransfers.CountAsync(t => t.CaseId == caseId)}");
            }

            case "transfer declined" or "transfer cancelled":
            {
                var (caseId, sender, receiver) = await CaseWithColleagueAsync();
                var transfer = await Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "Please take over.", sender);
                return name == "transfer declined"
                    ? new(AuditAction.TransferDeclined, () => Service<TransferService>().DeclineAsync(transfer.Id, receiver), db => TransferStatusAsync(db, transfer.Id))
                    : new(AuditAction.TransferCancelled, () => Service<TransferService>().CancelAsync(transfer.Id, sender), db => TransferStatusAsync(db, transfer.Id));
            }

            case "transfer lapsed":
            {
                // The case closed before the receiver accepted: the accept is refused and the transfer withdrawn.
                var (caseId, sender, receiver) = await CaseWithColleagueAsync();
                var transfer = await Service<TransferService>().RequestAsync(caseId, TransferTarget.Colleague(receiver.UserId), "Please take over.", sender);
                await Service<CaseService>().CloseAsync(caseId, CaseOutcome.CallerDisconnected, null, sender);
                return new(AuditAction.TransferCancelled, async () =>
                    {
                        try
                        {
                            await Service<TransferService>().AcceptAsync(transfer.Id, receiver);
                            Assert.Fail("The accept of a closed case's transfer went through.");
                        }
                        catch (HelplineRuleException)
                        {
                            // Refused as it should be; what is checked is the lapse that came with it.
                        }
                    },
                    db => TransferStatusAsync(db, transfer.Id));
            }

            case "category added":
                return new(AuditAction.SettingsChanged, () => Service<CategoryService>().AddAsync("Test", $"Category {unique}", Admin),
                    async db => $"{await db.Categories.CountAsync(c => c.Name == $"Category {unique}")}");

            case "support service added":
                return new(AuditAction.SettingsChanged, () => Service<ReferralService>().SaveServiceAsync(null, Shelter($"Shelter {unique}"), Admin),
                    async db => $"{await db.SupportServices.CountAsync()}");

            case "support service changed":
            {
                var service = await Service<ReferralService>().SaveServiceAsync(null, Shelter($"Shelter {unique}"), Admin);
                return new(AuditAction.SettingsChanged, () => Service<ReferralService>().SaveServiceAsync(service.Id, Shelter($"Renamed {unique}"), Admin),
                    async db => (await db.SupportServices.SingleAsync(s => s.Id == service.Id)).Name);
            }

            case "thresholds changed":
            {
                var seconds = 20 + Random.Shared.Next(100);
                return new(AuditAction.SettingsChanged, () => Service<ThresholdService>().UpdateAsync("117", new LineThresholds(seconds, 80, 5, 120), Admin),
                    async db => $"{(await db.LineThresholdSettings.SingleOrDefaultAsync(s => s.Line == "117"))?.ToThresholds()}");
            }

            case "key created":
                return new(AuditAction.SettingsChanged, () => factory.Keys().CreateAsync(new NewApiKey { Name = $"gw-{unique}", Lines = ["111"] }, Admin),
                    async db => $"{await db.ApiKeys.CountAsync(k => k.Name == $"gw-{unique}")}");

            case "key rotated" or "key revoked":
            {
                var key = (await factory.Keys().CreateAsync(new NewApiKey { Name = $"gw-{unique}", Lines = ["111"] }, Admin)).Key;
                async Task<string> KeyAsync(HelplineDashboard.Data.HelplineDbContext db)
                {
                    var stored = await db.ApiKeys.SingleAsync(k => k.Id == key.Id);
                    return $"{stored.KeyHash} {stored.RevokedAt:O}";
                }

                return name == "key rotated"
                    ? new(AuditAction.SettingsChanged, () => factory.Keys().RotateAsync(key.Id, Admin), KeyAsync)
                    : new(AuditAction.SettingsChanged, () => factory.Keys().RevokeAsync(key.Id, Admin), KeyAsync);
            }

            case "user created":
            {
                var email = $"new-{unique}@helpline.test";
                return new(AuditAction.SettingsChanged, () => factory.Users().CreateAsync(Person(email), Admin),
                    async db => $"{await db.Users.CountAsync(u => u.Email == email)}");
            }

            default:
            {
                var userId = (await factory.Users().CreateAsync(Person($"existing-{unique}@helpline.test"), Admin)).User.Id;
                async Task<string> AccountAsync(HelplineDashboard.Data.HelplineDbContext db)
                {
                    var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
                    var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(r => r).ToListAsync();
                    return $"{user.PasswordHash} {user.LockoutEnd:O} {user.Lines} {user.Specialisms} {user.Languages} {string.Join(',', roles)}";
                }

                var users = factory.Users();
                switch (name)
                {
                    case "password reset":
                        return new(AuditAction.SettingsChanged, () => users.ResetPasswordAsync(userId, Admin), AccountAsync);
                    case "access changed":
                        return new(AuditAction.SettingsChanged, () => users.ChangeAccessAsync(userId, [Roles.Supervisor], ["111", "117"], Admin), AccountAsync);
                    case "specialisms changed":
                        return new(AuditAction.SettingsChanged, () => users.ChangeSpecialismsAsync(userId, [Specialisms.Lawyer], Admin), AccountAsync);
                    case "languages changed":
                        return new(AuditAction.SettingsChanged, () => users.ChangeLanguagesAsync(userId, ["ky"], Admin), AccountAsync);
                    case "user disabled":
                        return new(AuditAction.SettingsChanged, () => users.DisableAsync(userId, Admin), AccountAsync);
                    case "user enabled":
                        await users.DisableAsync(userId, Admin);
                        return new(AuditAction.SettingsChanged, () => users.EnableAsync(userId, Admin), AccountAsync);
                    case "own two-factor turned on":
                        return new(AuditAction.SettingsChanged, () => TurnOnTwoFactorAsync(userId),
                            async db => $"{(await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId)).TwoFactorEnabled}");
                    default:
                        throw new ArgumentOutOfRangeException(nameof(name), name, "No such write.");
                }
            }
        }
    }

    /// <summary>What the set-up page does with the code the person's authenticator shows.</summary>
    private async Task TurnOnTwoFactorAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Assert.True(await scope.ServiceProvider.GetRequiredService<TwoFactorSetup>().EnableAsync(user, Totp.Code(key!), "127.0.0.1"));
    }

    private static async Task<string> TransferStatusAsync(HelplineDashboard.Data.HelplineDbContext db, long transferId) =>
        $"{(await db.CaseTransfers.SingleAsync(t => t.Id == transferId)).Status}";

    private static SupportServiceEdit Shelter(string name) =>
        new() { Line = "111", Region = "Astana", Kind = SupportServiceKind.Shelter, Name = name, Phone = "+77172000000", Active = true };

    private static NewUser Person(string email) =>
        new() { Email = email, DisplayName = "Audit Test", Roles = [Roles.Counsellor], Lines = ["111"], Languages = ["ru"] };

    /// <summary>A case of line 111 claimed by a counsellor of its own (a real account, so colleagues can be offered it).</summary>
    private async Task<(long CaseId, Actor Owner)> CaseAsync()
    {
        Actor owner;
        await using (var db = factory.CreateDbContext())
        {
            owner = await Colleagues.AddAsync(db, "Owner");
        }

        var contact = await Service<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(
            "111", ContactChannel.Sms, $"audit-{Guid.NewGuid():N}", "+77015550000", "ru", "help", "Astana", false));
        var claim = await Service<QueueService>().ClaimAsync(contact.Id, owner, CaseChoice.NewCase);
        return (claim.CaseId!.Value, owner);
    }

    private async Task<(long CaseId, Actor Sender, Actor Receiver)> CaseWithColleagueAsync()
    {
        var (caseId, sender) = await CaseAsync();
        await using var db = factory.CreateDbContext();
        return (caseId, sender, await Colleagues.AddAsync(db, "Receiver"));
    }

    /// <summary>Every change the services publish after a write, while it is subscribed.</summary>
    private sealed class Publications : IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private readonly ThresholdService _thresholds;

        public Publications(IServiceProvider services)
        {
            _subscriptions.Add(services.GetRequiredService<CaseNotifier>().Subscribe(Seen));
            _subscriptions.Add(services.GetRequiredService<FollowUpNotifier>().Subscribe(Seen));
            _subscriptions.Add(services.GetRequiredService<TransferNotifier>().Subscribe(Seen));
            _subscriptions.Add(services.GetRequiredService<EscalationNotifier>().Subscribe(Seen));
            _thresholds = services.GetRequiredService<ThresholdService>();
            _thresholds.Changed += ThresholdsChanged;
        }

        public System.Collections.Concurrent.ConcurrentQueue<object> Changes { get; } = new();

        public void Dispose()
        {
            _thresholds.Changed -= ThresholdsChanged;
            _subscriptions.ForEach(s => s.Dispose());
        }

        private Task Seen(object change)
        {
            Changes.Enqueue(change);
            return Task.CompletedTask;
        }

        private void ThresholdsChanged() => Changes.Enqueue("thresholds changed");
    }
}
