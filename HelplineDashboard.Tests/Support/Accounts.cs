namespace HelplineDashboard.Tests.Support;

/// <summary>The Development demo accounts every test app has.</summary>
public static class Accounts
{
    public const string Counsellor1 = "counsellor1@helpline.local";
    public const string Counsellor2 = "counsellor2@helpline.local";
    public const string Supervisor = "supervisor@helpline.local";
    public const string Admin = "admin@helpline.local";
}
