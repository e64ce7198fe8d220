using System.Globalization;
using System.Security.Claims;
using HelplineDashboard.Features.Accounts;

namespace HelplineDashboard.Features.Security;

/// <summary>The absolute session lifetime: however active, a session ends <see cref="SecurityOptions.AbsoluteSessionHours"/> after sign-in.</summary>
public static class SessionLifetime
{
    public static bool HasExpired(ClaimsPrincipal principal, SecurityOptions options, TimeProvider time)
    {
        var signedInAt = principal.FindFirst(HelplineClaimTypes.SignedInAt)?.Value;
        if (!long.TryParse(signedInAt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            // A session from before this rule, or a forged cookie: it must sign in again.
            return true;
        }

        return time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) >= TimeSpan.FromHours(options.AbsoluteSessionHours);
    }
}
