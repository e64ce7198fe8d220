using Microsoft.AspNetCore.Identity;

namespace HelplineDashboard.Features.Accounts;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name colleagues know this person by; shown on claims and notes.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Comma-separated codes of the lines this person works, e.g. "111,117".</summary>
    public string Lines { get; set; } = "";

    /// <summary>Comma-separated <see cref="Accounts.Specialisms"/>, e.g. "Psychologist,Lawyer": who is offered a transfer to a role.</summary>
    public string Specialisms { get; set; } = "";
}
