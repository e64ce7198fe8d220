using System.Security.Claims;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    public static IServiceCollection AddHelplineAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication().AddGatewayApiKeys();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 12;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HelplineDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<HelplineUserClaimsPrincipalFactory>();

        // Outside Development cookies are __Host- prefixed: Secure, host-only, path /. Development runs on plain http.
        var secureCookies = !environment.IsDevelopment();
        var cookiePrefix = secureCookies ? "__Host-" : "";
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptionsMonitor<SecurityOptions>>((options, security) =>
            {
                options.LoginPath = LoginPath;
                options.LogoutPath = LogoutPath;
                options.AccessDeniedPath = LoginPath;
                options.Cookie.Name = cookiePrefix + "Helpline.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(security.CurrentValue.IdleTimeoutMinutes);
                options.SlidingExpiration = true;
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookiePrefix + "Helpline.Antiforgery";
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(IntakeEndpoints.GatewayPolicy, policy => policy
                .AddAuthenticationSchemes(GatewayAuthenticationHandler.SchemeName)
                .RequireClaim(GatewayAuthenticationHandler.GatewayClaim)
                .RequireClaim(GatewayAuthenticationHandler.ScopeClaim, nameof(Administration.ApiKeyScope.Intake)));

        services.AddScoped<AccountSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapHelplineAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, async (ClaimsPrincipal user, SignInManager<ApplicationUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPath);
        });
        return endpoints;
    }
}
