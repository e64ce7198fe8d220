namespace HelplineDashboard.Features.Accounts;

public static class Roles
{
    public const string Counsellor = "Counsellor";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Counsellor, Supervisor, Admin];

    /// <summary>Roles that work contacts: they may see the queue and claim.</summary>
    public const string QueueWorkers = Counsellor + "," + Supervisor;
}

public static class HelplineClaimTypes
{
    public const string DisplayName = "helpline:display_name";
    public const string Line = "helpline:line";

    /// <summary>The client address that signed in: where a circuit's actions come from, for the audit log.</summary>
    public const string SignInAddress = "helpline:sign_in_address";

    /// <summary>When the session began (Unix seconds), for the absolute session lifetime.</summary>
    public const string SignedInAt = "helpline:signed_in_at";
}
