using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using HelplineDashboard.Features.Security;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Accounts;

/// <summary>
/// Re-checks a live circuit's user every minute against the security stamp, so a disabled account, a
/// changed role or a sign-out elsewhere ends the circuit's access.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptionsMonitor<SecurityOptions> security,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => Interval;

    internal TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(security.CurrentValue.CircuitRevalidationSeconds, 1, 60));

    internal Task<bool> ValidateAsync(AuthenticationState state) => ValidateAuthenticationStateAsync(state, CancellationToken.None);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (SessionLifetime.HasExpired(authenticationState.User, security.CurrentValue, time))
        {
            return false;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.GetUserAsync(authenticationState.User);
        if (user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }
}
