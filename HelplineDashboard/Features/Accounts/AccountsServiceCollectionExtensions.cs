using System.Security.Claims;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Security;
using Microsoft.AspNetCore.Authentication;
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
    public const string AccessDeniedPath = "/account/access-denied";

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
            .AddErrorDescriber<HelplineIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<HelplineUserClaimsPrincipalFactory>();
        services.AddScoped<TwoFactorSetup>();

        // Outside Development cookies are __Host- prefixed: Secure, host-only, path /. Development runs on plain http.
        var secureCookies = !environment.IsDevelopment();
        var cookiePrefix = secureCookies ? "__Host-" : "";
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptionsMonitor<SecurityOptions>, TimeProvider>((options, security, time) =>
            {
                options.TimeProvider = time;
                options.LoginPath = LoginPath;
                options.LogoutPath = LogoutPath;
                options.AccessDeniedPath = AccessDeniedPath;
                options.Cookie.Name = cookiePrefix + "Helpline.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(security.CurrentValue.IdleTimeoutMinutes);
                options.SlidingExpiration = true;
                var toLogin = options.Events.OnRedirectToLogin;
                var toAccessDenied = options.Events.OnRedirectToAccessDenied;
                options.Events.OnRedirectToLogin = context => ProblemForApiAsync(context, toLogin, StatusCodes.Status401Unauthorized, "Sign-in or an API key is required.");
                options.Events.OnRedirectToAccessDenied = context => ProblemForApiAsync(context, toAccessDenied, StatusCodes.Status403Forbidden, "This account may not do that.");
                options.Events.OnValidatePrincipal = async context =>
                {
                    var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    if (context.Principal is { } principal && SessionLifetime.HasExpired(principal, security.CurrentValue, time))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                };
            });
        // When Identity re-issues the cookie (security stamp check), the session keeps its start, address and second factor.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal is not null && context.NewPrincipal?.Identity is ClaimsIdentity renewed)
            {
                foreach (var type in new[] { HelplineClaimTypes.SignedInAt, HelplineClaimTypes.SignInAddress, TwoFactor.MethodClaim })
                {
                    foreach (var stale in renewed.FindAll(type).ToList())
                    {
                        renewed.RemoveClaim(stale);
                    }

                    renewed.AddClaims(context.CurrentPrincipal.FindAll(type).Select(c => new Claim(c.Type, c.Value)));
                }
            }

            return Task.CompletedTask;
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
        endpoints.MapPost(LogoutPath, async (ClaimsPrincipal user, SignInManager<ApplicationUser> signInManager, AuditLog audit, HttpContext http, [FromForm] string? returnUrl) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                var actor = Actor.From(user);
                await audit.WriteAsync(AuditAction.SignedOut, actor.UserId, actor.DisplayName, http.Connection.RemoteIpAddress?.ToString());

                // A new stamp ends this user's live circuits at their next revalidation (within a minute).
                if (await signInManager.UserManager.GetUserAsync(user) is { } signedOut)
                {
                    await signInManager.UserManager.UpdateSecurityStampAsync(signedOut);
                }
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPath);
        });
        return endpoints;
    }

    /// <summary>People are sent to the sign-in page; API clients (<c>/api</c>, even on a path that does not exist) get problem details.</summary>
    private static Task ProblemForApiAsync(
        RedirectContext<CookieAuthenticationOptions> context, Func<RedirectContext<CookieAuthenticationOptions>, Task> otherwise, int status, string title)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return otherwise(context);
        }

        return Results.Problem(statusCode: status, title: title).ExecuteAsync(context.HttpContext);
    }
}
