using System.Text.Json.Serialization;
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
        services.AddHelplineQueue();
        services.AddHelplineCases();
        services.AddHelplineReferrals();
        services.AddHelplineFollowUps();
        services.AddHelplineEscalations(configuration);
        services.AddHelplineRetention(configuration);
        services.AddHelplineWallboard(configuration);
        services.AddHelplineReports();
        services.AddHelplineSimulator(configuration, builder.Environment);
        return builder;
    }

    public static WebApplication UseHelplinePipeline(this WebApplication app)
    {
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

    /// <summary>Migrates the database, makes sure the roles exist and, where configured, seeds the demo accounts.</summary>
    public static async Task InitialiseHelplineAsync(this WebApplication app)
    {
        await app.Services.MigrateHelplineDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        await seeder.EnsureRolesAsync();

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("DemoData:SeedAccounts"))
        {
            var lines = string.Join(',', app.Services.GetRequiredService<LineCatalog>().All.Select(l => l.Code));
            await seeder.SeedDemoAccountsAsync(lines);
        }
    }
}
