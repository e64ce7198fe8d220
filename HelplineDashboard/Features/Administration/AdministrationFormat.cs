using System.Globalization;

namespace HelplineDashboard.Features.Administration;

/// <summary>Administrators look after both lines, so their pages show times in UTC and say so.</summary>
public static class AdministrationFormat
{
    public static string Utc(DateTime? utc) =>
        utc is { } value ? value.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static string Utc(DateTimeOffset? utc) => Utc(utc?.UtcDateTime);

    public static string ScopeLabel(ApiKeyScope scope) => scope switch
    {
        ApiKeyScope.Intake => "Gateway: posts contacts",
        ApiKeyScope.WallboardRead => "Wallboard: reads only",
        _ => scope.ToString(),
    };

    public static string StateLabel(AccountState state) => state switch
    {
        AccountState.LockedOut => "Locked out",
        AccountState.Disabled => "Disabled",
        _ => "Active",
    };
}
