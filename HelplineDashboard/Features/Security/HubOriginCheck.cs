using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Security;

/// <summary>
/// Browsers send an Origin with every WebSocket and fetch to the hubs; one that is not this app (or a configured
/// wallboard host) is refused, so another site cannot ride a counsellor's cookie into the queue hub or a circuit.
/// </summary>
public static class HubOriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor")) &&
            context.Request.Headers.Origin is { Count: > 0 } origin &&
            !IsAllowed(origin.ToString(), context))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(HubOriginCheck))
                .LogWarning("Refused a hub connection from a foreign origin");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    });

    internal static bool IsAllowed(string origin, HttpContext context)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var request = context.Request;
        var sameOrigin = string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) &&
                         string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        if (sameOrigin)
        {
            return true;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue.AllowedHubOrigins;
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), $"{uri.Scheme}://{uri.Authority}", StringComparison.OrdinalIgnoreCase));
    }
}
