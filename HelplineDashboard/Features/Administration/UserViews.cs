namespace HelplineDashboard.Features.Administration;

public enum AccountState
{
    Active,

    /// <summary>Locked for a while after failed sign-ins; opens by itself.</summary>
    LockedOut,

    /// <summary>Disabled by an administrator until enabled again.</summary>
    Disabled,
}

/// <summary>One row of the users page.</summary>
public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Lines,
    AccountState State,
    DateTimeOffset? LockedUntil,
    IReadOnlyList<string>? Languages = null)
{
    /// <summary>Psychologist, lawyer: who is offered a transfer to that specialism.</summary>
    public IReadOnlyList<string> Specialisms { get; init; } = [];

    /// <summary>The languages this person counsels in, in <see cref="Features.Languages.CallerLanguages.All"/> order.</summary>
    public IReadOnlyList<string> CounselLanguages => Languages ?? [];
}

/// <summary>The administrator's request for a new account. An empty <see cref="Password"/> means "generate one".</summary>
public sealed class NewUser
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public List<string> Lines { get; set; } = [];

    /// <summary>The languages the person counsels in (codes such as kk, ky, ru).</summary>
    public List<string> Languages { get; set; } = [];

    public string? Password { get; set; }
}

/// <summary>A new account. <see cref="GeneratedPassword"/> is set only when the app chose the password: show it once.</summary>
public sealed record CreatedUser(UserSummary User, string? GeneratedPassword);
