using System.Security.Claims;

namespace HelplineDashboard.Features.Accounts;

/// <summary>The signed-in person on whose behalf a service acts. Services decide access from this, never from the UI.</summary>
public sealed record Actor(string UserId, string DisplayName, IReadOnlySet<string> Roles, IReadOnlySet<string> Lines, string? Address = null)
{
    public bool IsCounsellor => Roles.Contains(Accounts.Roles.Counsellor);

    public bool IsSupervisor => Roles.Contains(Accounts.Roles.Supervisor);

    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    /// <summary>Counsellors and supervisors work the queue.</summary>
    public bool WorksQueue => IsCounsellor || IsSupervisor;

    public bool Serves(string line) => Lines.Contains(line);

    public static Actor From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            throw new UnauthorizedAccessException("Sign-in required.");
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new UnauthorizedAccessException("The signed-in user has no id.");
        var name = principal.FindFirstValue(HelplineClaimTypes.DisplayName)
            ?? principal.Identity.Name
            ?? id;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var lines = principal.FindAll(HelplineClaimTypes.Line).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(id, name, roles, lines, principal.FindFirstValue(HelplineClaimTypes.SignInAddress));
    }
}
