using System.Security.Claims;
using HelplineDashboard.Features.Security;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Accounts;

/// <summary>
/// Two-factor sign-in for supervisors and administrators (authenticator app, TOTP). Until a supervisor or
/// administrator has signed in with a second factor, every page sends them to set it up and every other request is
/// refused.
/// </summary>
public static class TwoFactor
{
    public const string LoginPath = "/account/login-2fa";
    public const string SetupPath = "/account/setup-2fa";

    /// <summary>Identity adds <c>amr=mfa</c> when a sign-in used a second factor.</summary>
    public const string MethodClaim = "amr";
    public const string MultiFactor = "mfa";

    public static bool IsRequiredFor(ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactorForSupervisorsAndAdmins &&
        (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin));

    public static bool IsSatisfied(ClaimsPrincipal user) => user.HasClaim(MethodClaim, MultiFactor);

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue;
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments(SetupPath) || path.StartsWithSegments(AccountsServiceCollectionExtensions.LogoutPath) ||
                     path.StartsWithSegments("/_content") || path.StartsWithSegments("/_framework") || Path.HasExtension(path.Value);
        if (user.Identity?.IsAuthenticated == true && !exempt && IsRequiredFor(user, options) && !IsSatisfied(user))
        {
            if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs") && !path.StartsWithSegments("/_blazor"))
            {
                context.Response.Redirect(SetupPath);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return;
        }

        await next(context);
    });
}
