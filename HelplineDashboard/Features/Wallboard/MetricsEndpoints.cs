using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HelplineDashboard.Features.Wallboard;

/// <summary><c>GET /api/v1/metrics</c>: the live wallboard numbers as JSON, for TV screens and other systems.</summary>
public static class MetricsEndpoints
{
    public const string WallboardPolicy = "WallboardRead";

    /// <summary>A key in <c>X-Api-Key</c> is checked as a key; otherwise the sign-in cookie. Refusals are problem details.</summary>
    public const string WallboardScheme = "WallboardKeyOrCookie";

    public static void AddWallboardAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication().AddPolicyScheme(WallboardScheme, null, options =>
        {
            options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(GatewayAuthenticationHandler.HeaderName)
                ? GatewayAuthenticationHandler.SchemeName
                : IdentityConstants.ApplicationScheme;
            options.ForwardChallenge = GatewayAuthenticationHandler.SchemeName;
            options.ForwardForbid = GatewayAuthenticationHandler.SchemeName;
        });
        services.AddAuthorizationBuilder().AddPolicy(WallboardPolicy, policy => policy
            .AddAuthenticationSchemes(WallboardScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => MayReadWallboard(context.User)));
    }

    /// <summary>A wallboard key (read-only scope), or a signed-in supervisor. Intake keys, counsellors and administrators may not.</summary>
    public static bool MayReadWallboard(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(GatewayAuthenticationHandler.ScopeClaim, nameof(ApiKeyScope.WallboardRead))
        || (user.Identity?.AuthenticationType != GatewayAuthenticationHandler.SchemeName && user.IsInRole(Roles.Supervisor));

    public static IEndpointRouteBuilder MapHelplineWallboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/metrics", async (HttpContext http, WallboardMetrics metrics) =>
                TypedResults.Ok(MetricsView.From(await metrics.CurrentOrFirstAsync(http.RequestAborted), MetricsView.LinesOf(http.User))))
            .RequireAuthorization(WallboardPolicy)
            .WithTags("Metrics");
        endpoints.MapHub<MetricsHub>(MetricsHub.Path);
        return endpoints;
    }
}
