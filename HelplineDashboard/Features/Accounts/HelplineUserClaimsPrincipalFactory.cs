using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Accounts;

/// <summary>Adds the display name and served lines to the sign-in cookie.</summary>
public sealed class HelplineUserClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IHttpContextAccessor httpContext,
    TimeProvider time)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HelplineClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(HelplineClaimTypes.SignedInAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (httpContext.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            identity.AddClaim(new Claim(HelplineClaimTypes.SignInAddress, address.ToString()));
        }
        foreach (var line in user.Lines.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            identity.AddClaim(new Claim(HelplineClaimTypes.Line, line));
        }

        return identity;
    }
}
