using System.Security.Claims;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HelplineDashboard.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    public static IServiceCollection AddHelplineAccounts(this IServiceCollection services)
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

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = LoginPath;
            options.Cookie.Name = "Helpline.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(IntakeEndpoints.GatewayPolicy, policy => policy
                .AddAuthenticationSchemes(GatewayAuthenticationHandler.SchemeName)
                .RequireClaim(GatewayAuthenticationHandler.GatewayClaim));

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
