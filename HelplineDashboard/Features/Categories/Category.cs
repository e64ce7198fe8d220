namespace HelplineDashboard.Features.Categories;

/// <summary>
/// A category of what a case is about. Data, not code: seeded by the migration, added to, renamed and retired by an
/// administrator. A retired category stays on the cases that have it but is no longer offered.
/// </summary>
public sealed class Category
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    /// <summary>The group it is shown under, e.g. "Domestic violence".</summary>
    public required string Group { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }

    public bool Retired { get; set; }
}

/// <summary>A category chosen for a case (multi-select).</summary>
public sealed class CaseCategory
{
    public long CaseId { get; set; }

    public int CategoryId { get; set; }
}

public sealed record CategoryView(int Id, string Group, string Name, bool Retired)
{
    public static CategoryView From(Category c) => new(c.Id, c.Group, c.Name, c.Retired);
}

/// <summary>The taxonomy the app starts with, covering both lines.</summary>
public static class CategorySeed
{
    public static IReadOnlyList<Category> All { get; } = Build(
        ("Domestic violence", ["Physical", "Psychological", "Sexual", "Economic"]),
        ("Bullying", ["School", "Cyber", "Workplace"]),
        ("Child abuse and neglect", ["Child abuse", "Child neglect"]),
        ("Gender-based violence", ["Other gender-based violence"]),
        ("Legal questions", ["Legal questions"]),
        ("Social protection (117)", ["Benefits", "Disability", "Family support", "Employment"]),
        ("Mental health", ["Mental health"]),
        ("Other", ["Other"]));

    private static List<Category> Build(params (string Group, string[] Names)[] groups)
    {
        var list = new List<Category>();
        foreach (var (group, names) in groups)
        {
            foreach (var name in names)
            {
                list.Add(new Category { Id = list.Count + 1, Group = group, Name = name, SortOrder = (list.Count + 1) * 10 });
            }
        }

        return list;
    }
}
