namespace HelplineDashboard.Features.Accounts;

/// <summary>
/// What a counsellor is qualified for beyond listening: a case can be transferred to "a psychologist" or "a lawyer"
/// on the line, and everyone with that specialism is offered it. Stored comma-separated on <see cref="ApplicationUser.Specialisms"/>.
/// </summary>
public static class Specialisms
{
    public const string Psychologist = "Psychologist";
    public const string Lawyer = "Lawyer";

    public static readonly IReadOnlyList<string> All = [Psychologist, Lawyer];

    public static IReadOnlyList<string> Parse(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(All.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Known specialisms in their canonical order; unknown ones are refused by the caller.</summary>
    public static string Join(IEnumerable<string> specialisms)
    {
        var wanted = specialisms.ToHashSet(StringComparer.Ordinal);
        return string.Join(',', All.Where(wanted.Contains));
    }
}
