namespace HelplineDashboard.Features.Cases.Lists;

/// <summary>
/// What a case list is narrowed to. Every field is optional; <see cref="CaseNumber"/> finds one case by its number.
/// Dates are UTC bounds on when the case was opened (<see cref="OpenedTo"/> exclusive).
/// </summary>
public sealed record CaseFilter
{
    public long? CaseNumber { get; init; }

    public CaseStatus? Status { get; init; }

    public RiskLevel? Risk { get; init; }

    public string? Line { get; init; }

    /// <summary>The region of the case's first contact.</summary>
    public string? Region { get; init; }

    public DateTime? OpenedFrom { get; init; }

    public DateTime? OpenedTo { get; init; }

    /// <summary>Cases with any of these categories. Categories arrive with the case classification work; see CaseListService.</summary>
    public IReadOnlyList<int> CategoryIds { get; init; } = [];

    public static CaseFilter OpenOnly { get; } = new() { Status = CaseStatus.Open };
}

/// <summary>Whose cases a list shows: the actor's own, or (supervisors) every case of their lines.</summary>
public enum CaseScope
{
    Mine,
    AllOfMyLines,
}
