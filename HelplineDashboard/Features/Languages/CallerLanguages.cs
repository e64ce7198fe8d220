using HelplineDashboard.Features.Intake;

namespace HelplineDashboard.Features.Languages;

/// <summary>Languages callers choose in the IVR, which counsellors can be set to counsel in.</summary>
public static class CallerLanguages
{
    public static readonly IReadOnlyList<string> All = ["kk", "ky", "ru", "uz", "en"];

    /// <summary>The IVR did not say; anyone may answer.</summary>
    public const string Undetermined = IntakeValidator.UndeterminedLanguage;

    /// <summary>Known codes, de-duplicated, in the order of <see cref="All"/>; refuses unknown codes.</summary>
    public static IReadOnlyList<string> Valid(IEnumerable<string> requested)
    {
        var wanted = requested.Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (!wanted.IsSubsetOf(All))
        {
            throw new Common.HelplineRuleException("Choose languages from the list.");
        }

        return All.Where(wanted.Contains).ToList();
    }

    public static IReadOnlySet<string> Parse(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public static string Join(IEnumerable<string> languages) => string.Join(',', languages);
}
