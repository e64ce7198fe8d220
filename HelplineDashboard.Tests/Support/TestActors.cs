using HelplineDashboard.Features.Accounts;

namespace HelplineDashboard.Tests.Support;

/// <summary>Actors for service-level tests, without going through sign-in.</summary>
public static class TestActors
{
    public static Actor Counsellor(string id = "c1", string name = "Aigerim", params string[] lines) =>
        new(id, name, new HashSet<string> { Roles.Counsellor }, Lines(lines));

    public static Actor Supervisor(string id = "s1", string name = "Dana", params string[] lines) =>
        new(id, name, new HashSet<string> { Roles.Supervisor }, Lines(lines));

    public static Actor Admin(string id = "a1") =>
        new(id, "Admin", new HashSet<string> { Roles.Admin }, new HashSet<string>());

    private static HashSet<string> Lines(string[] lines) => lines.Length == 0 ? ["111", "117"] : [.. lines];
}
