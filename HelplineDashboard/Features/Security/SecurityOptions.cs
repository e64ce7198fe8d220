namespace HelplineDashboard.Features.Security;

/// <summary>Sign-in, session and rate-limit settings under <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Supervisors and administrators must sign in with an authenticator app (TOTP). Only Development turns this off.</summary>
    public bool RequireTwoFactorForSupervisorsAndAdmins { get; set; } = true;

    /// <summary>A session with no request for this long ends (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How often a live circuit re-checks its user (disabled, role changed, signed out, session over).</summary>
    public int CircuitRevalidationSeconds { get; set; } = 60;

    /// <summary>However active, a session ends this long after sign-in, and its live circuits with it.</summary>
    public int AbsoluteSessionHours { get; set; } = 12;

    /// <summary>Origins besides the app's own that may open the hub (e.g. a wallboard host). The app's own host is always allowed.</summary>
    public List<string> AllowedHubOrigins { get; set; } = [];

    /// <summary>Contacts one gateway key may post per second before intake answers 429.</summary>
    public int IntakePerKeyPerSecond { get; set; } = 5_000;

    /// <summary>Sign-in attempts allowed per account and address within <see cref="SignInWindowMinutes"/>.</summary>
    public int SignInAttemptsPerAccountAndAddress { get; set; } = 10;

    /// <summary>Sign-in attempts allowed per address (any account) within <see cref="SignInWindowMinutes"/>.</summary>
    public int SignInAttemptsPerAddress { get; set; } = 50;

    public int SignInWindowMinutes { get; set; } = 15;
}
