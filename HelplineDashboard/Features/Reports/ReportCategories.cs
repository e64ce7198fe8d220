namespace HelplineDashboard.Features.Reports;

/// <summary>
/// PLACEHOLDER until case categories exist on this branch: another change adds categories to cases as data. Reports,
/// the CSV and the wallboard's "categories this week" chart already group and filter by whatever this returns; when
/// cases carry categories, read them here (and in <see cref="ReportService"/>'s query) instead.
/// </summary>
public static class ReportCategories
{
    public const string Uncategorised = "Uncategorised";

    /// <summary>The categories a report can filter on. Only <see cref="Uncategorised"/> until cases carry categories.</summary>
    public static IReadOnlyList<string> Known { get; } = [Uncategorised];

    /// <summary>The category of a contact's case for statistics (placeholder: every contact is uncategorised).</summary>
    public static string Of(long? caseId) => Uncategorised;
}
