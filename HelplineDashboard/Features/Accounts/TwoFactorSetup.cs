using HelplineDashboard.Data;
using HelplineDashboard.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace HelplineDashboard.Features.Accounts;

/// <summary>
/// Turns on a person's own two-factor sign-in once their authenticator's code checks out. Scoped to the request: Identity's
/// store saves on the request's <see cref="HelplineDbContext"/>, so the switch and its audit line share one transaction.
/// </summary>
public sealed class TwoFactorSetup(UserManager<ApplicationUser> users, HelplineDbContext db, TimeProvider time)
{
    /// <summary>False when the code is wrong; otherwise two-factor sign-in is on and audited.</summary>
    public async Task<bool> EnableAsync(ApplicationUser user, string code, string? address, CancellationToken cancellationToken = default)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return false;
        }

        var self = new Actor(user.Id, user.DisplayName, new HashSet<string>(), new HashSet<string>(), address);
        await AuditTrail.WriteWithLineAsync(
            db,
            async _ =>
            {
                var enabled = await users.SetTwoFactorEnabledAsync(user, true);
                if (!enabled.Succeeded)
                {
                    throw new InvalidOperationException("Two-factor sign-in could not be turned on: " + string.Join(' ', enabled.Errors.Select(e => e.Code)));
                }
            },
            () => AuditTrail.SettingsChanged(db, time.GetUtcNow().UtcDateTime, self, $"user:{user.Id}", AuditDetails.TwoFactorTurnedOn),
            cancellationToken);
        return true;
    }
}
