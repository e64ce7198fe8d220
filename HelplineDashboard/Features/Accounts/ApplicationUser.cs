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
    /// <summary>Comma-separated codes of the languages this person counsels in, e.g. "kk,ru". Empty: not set yet.</summary>
    public string Languages { get; set; } = "";

    /// <summary>The UI language this person chose (ru, kk, ky, en); null until they choose, then the deployment's default applies.</summary>
    public string? UiLanguage { get; set; }
}
