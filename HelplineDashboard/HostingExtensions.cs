using System.Text.Json.Serialization;
using HelplineDashboard.Common;
using HelplineDashboard.Components;
using HelplineDashboard.Data;
using HelplineDashboard.Data.Protection;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Diagnostics;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Features.Health;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Lines;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Reports;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Features.Retention;
using HelplineDashboard.Features.Security;
using HelplineDashboard.Features.Simulator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using MudBlazor.Services;

namespace HelplineDashboard;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddHelplineServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSignalR().AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditLog>();

        services.AddHelplineDataProtection();
        services.AddHelplineDatabase();
        services.AddHelplineHealth();
        services.AddHelplineLines(configuration);
        services.AddHelplineLanguages();
        services.AddHelplineSecurity(configuration);
        services.AddHelplineAccounts(builder.Environment);
        services.AddHelplineIntake(configuration);
        services.AddHelplineAdministration();
        services.AddHelplinePresence(configuration);
        services.AddHelplineQueue(configuration);
        services.AddHelplineCases();
        services.AddHelplineReferrals();
        services.AddHelplineFollowUps();
        services.AddHelplineEscalations(configuration);
        services.AddHelplineRetention(configuration);
        services.AddHelplineWallboard(configuration);
        services.AddHelplineReports();
        services.AddHelplineSimulator(configuration, builder.Environment);
        services.AddHostedServiceAfterFirstResponse<StartupWarmUp>();
        return builder;
    }

    public static WebApplication UseHelplinePipeline(this WebApplication app)
    {
        app.UseFirstResponseGate();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        // People who mistype an address get a page; APIs and the hub keep their own status codes and problem details.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method)
                && !context.Request.Path.StartsWithSegments("/api")
                && !context.Request.Path.StartsWithSegments("/hubs")
                && !context.Request.Path.StartsWithSegments("/_blazor"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseHelplineSecurityHeaders();
        app.UseStorageUnavailableAnswers();
        app.UseHubOriginCheck();
        app.UseAuthentication();
        app.UseHelplineLanguages();
        app.UseTwoFactorRequirement();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHelplineAccounts();
        app.MapHelplineLanguages();
        app.MapIntakeApi();
        app.MapHelplineQueue();
        app.MapHelplineEscalations(app.Environment);
        app.MapHelplineWallboard();
        app.MapHelplineReports();
        app.MapHelplineDiagnostics(app.Configuration, app.Environment);
        return app;
    }

    /// <summary>
    /// Starts <see cref="InitialiseHelplineAsync"/> on the thread pool, so the main thread builds the pipeline meanwhile;
    /// the caller awaits it before the server listens (docs/decisions/0024-cold-start-margin.md).
    /// </summary>
    public static Task StartInitialisingHelpline(this WebApplication app)
    {
        if (StartupTimeline.IsEnabled)
        {
            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStarted.Register(() => StartupTimeline.Mark("host started, server listening"));
        }

        return Task.Run(async () =>
        {
            StartupTimeline.Mark("database check started");
            await app.InitialiseHelplineAsync();
            StartupTimeline.Mark("database check done");
        });
    }

    /// <summary>
    /// Migrates the database, encrypts left-over plain text, makes sure the roles exist and, where configured, seeds the
    /// demo accounts — all before the app serves. When a plain read of the file shows all of that is already in place
    /// (a restart), Entity Framework is not started for it: the background services build its model after the host
    /// starts, instead of on the way to the sign-in page (docs/decisions/0014-cold-start-fast-path.md).
    /// </summary>
    public static async Task InitialiseHelplineAsync(this WebApplication app)
    {
        var seedDemoAccounts = app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("DemoData:SeedAccounts");
        await using var scope = app.Services.CreateAsyncScope();
        if (await IsInitialisedAsync(scope.ServiceProvider, seedDemoAccounts))
        {
            return;
        }

        await app.Services.MigrateHelplineDatabaseAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        await seeder.EnsureRolesAsync();

        if (seedDemoAccounts)
        {
            var lines = string.Join(',', app.Services.GetRequiredService<LineCatalog>().All.Select(l => l.Code));
            await seeder.SeedDemoAccountsAsync(lines);
        }
    }

    private static async Task<bool> IsInitialisedAsync(IServiceProvider services, bool seedDemoAccounts)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostingExtensions));
        try
        {
            await using var probe = await StartupProbe.OpenAsync(services.GetHelplineConnectionString(), CancellationToken.None);
            StartupTimeline.Mark("database opened");
            var initialised = probe is not null
                && await probe.SchemaIsCurrentAsync(CancellationToken.None)
                && Marked("schema checked")
                && await PlaintextBackfill.IsDoneAsync(probe, CancellationToken.None)
                && await AccountSeeder.IsDoneAsync(probe, services.GetRequiredService<ILookupNormalizer>(), seedDemoAccounts, CancellationToken.None);
            logger.LogInformation(initialised
                ? "The database is current: nothing to migrate, encrypt or seed."
                : "The database needs start-up work: migrating, encrypting and seeding before serving.");
            return initialised;
        }
        catch (SqliteException exception)
        {
            // Whatever the plain read could not answer, the full path (EF's migrator) answers or fails loudly.
            logger.LogWarning(exception, "Could not read the database's state; taking the full start-up path.");
            return false;
        }

        static bool Marked(string phase)
        {
            StartupTimeline.Mark(phase);
            return true;
        }
    }
}
