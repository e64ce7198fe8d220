using System.Security.Claims;
using Bunit;
using HelplineDashboard.Data;
using HelplineDashboard.Data.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Features.Health;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Lines;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Reports;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace HelplineDashboard.Tests.Components;

/// <summary>
/// The one shared bUnit setup: MudBlazor, localisation, a fake clock, the real feature services over an
/// in-memory SQLite database, and a signed-in counsellor.
/// </summary>
public abstract class HelplineTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = TestDatabase.NewInMemoryConnection();
    private readonly string _keysFolder = Path.Combine(Path.GetTempPath(), "helpline-tests", "bunit-keys-" + Guid.NewGuid().ToString("N"));

    protected HelplineTestContext()
    {
        _connection.Open();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(TestLines.Catalog);
        Services.AddInMemoryHelplineDatabase(_connection);
        Services.AddSingleton(provider => new CallerKeyHasher(provider.GetRequiredService<IDataProtectionProvider>(), _keysFolder));
        Services.AddSingleton<Features.Languages.UserLanguageService>();
        Services.AddSingleton<Features.Languages.OnlineCounsellors>();
        Services.AddSingleton<QueueNotifier>();
        Services.Configure<QueuePageOptions>(options => options.RenderIntervalMilliseconds = 0);
        Services.AddSingleton<QueuedContactPool>();
        Services.AddHelplinePresence(WallboardSettings);
        Services.AddWallboardMetrics(WallboardSettings);
        Services.AddHelplineReports();
        Services.AddHelplineClaims();
        Services.AddHelplineHealth();
        Services.AddSingleton<IntakeWriter>();
        Services.AddSingleton<IntakeService>();
        Services.AddSingleton<Features.Audit.AuditLog>();
        Services.AddHelplineCases();
        Services.AddHelplineAdministration();
        Services.AddHelplineFollowUps();
        Services.AddHelplineReferrals();
        Services.AddHelplineEscalations(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalations:Targets:111:0:Code"] = "police",
            ["Escalations:Targets:111:0:Name"] = "Police",
            ["Escalations:Targets:111:0:Phone"] = "102",
            ["Escalations:Targets:111:1:Code"] = "ambulance",
            ["Escalations:Targets:111:1:Name"] = "Ambulance",
            ["Escalations:Targets:111:1:Phone"] = "103",
            ["Escalations:Targets:111:1:Endpoint"] = "http://127.0.0.1:9/no-dispatcher-runs-in-bunit",
        }).Build());

        TestDatabase.Migrate(_connection);

        SignInAs(Me);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Presence and wallboard settings of the component tests: line 111 alarms after 60 s, 117 after 30 s.</summary>
    protected static IConfiguration WallboardSettings { get; } = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Presence:GraceSeconds"] = "30",
        ["Wallboard:MinIntervalMilliseconds"] = "0",
        ["Wallboard:Lines:111:LongestWaitAlarmSeconds"] = "60",
        ["Wallboard:Lines:117:LongestWaitAlarmSeconds"] = "30",
    }).Build();

    /// <summary>The counsellor at the keyboard.</summary>
    public Actor Me { get; } = TestActors.Counsellor("counsellor-1", "Aigerim Sadykova", "111");

    protected void SignInAs(Actor actor)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(actor.DisplayName);
        auth.SetRoles([.. actor.Roles]);
        auth.SetClaims(
        [
            new Claim(ClaimTypes.NameIdentifier, actor.UserId),
            new Claim(HelplineClaimTypes.DisplayName, actor.DisplayName),
            .. actor.Lines.Select(line => new Claim(HelplineClaimTypes.Line, line)),
        ]);
    }

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected HelplineDbContext Db() => Service<IDbContextFactory<HelplineDbContext>>().CreateDbContext();

    protected async Task<long> QueueAsync(string externalId, string line = "111", string from = "+77011234567", bool urgent = false)
    {
        var intake = Service<IntakeService>();
        var result = await intake.SubmitAsync("test-gateway", new ValidIntake(line, Features.Contacts.ContactChannel.Voice, externalId, from,
            line == "111" ? "kk" : "ky", "first words", null, urgent));
        return result.Id;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _connection.DisposeAsync();
        if (Directory.Exists(_keysFolder))
        {
            Directory.Delete(_keysFolder, recursive: true);
        }
    }
}
