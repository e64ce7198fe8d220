using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Lines;

namespace HelplineDashboard.Features.Administration;

/// <summary>Rules shared by user and key administration.</summary>
public static class AdministrationRules
{
    /// <summary>Only administrators manage accounts and keys, whatever page or endpoint asks.</summary>
    public static void EnsureAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new AdministratorRequiredException();
        }
    }

    /// <summary>Known line codes, de-duplicated, in the catalogue's order; refuses unknown codes.</summary>
    public static IReadOnlyList<string> ValidLines(IEnumerable<string> requested, LineCatalog catalog)
    {
        var wanted = requested.Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (wanted.Any(code => !catalog.TryGet(code, out _)))
        {
            throw new HelplineRuleException("Choose lines this deployment serves.");
        }

        return catalog.All.Select(l => l.Code).Where(wanted.Contains).ToList();
    }

    public static IReadOnlyList<string> ParseLines(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinLines(IEnumerable<string> lines) => string.Join(',', lines);
}

/// <summary>A non-administrator asked to manage accounts or keys.</summary>
public sealed class AdministratorRequiredException() : HelplineRuleException("Only administrators manage accounts and keys.");
