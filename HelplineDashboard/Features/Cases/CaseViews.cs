using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;

namespace HelplineDashboard.Features.Cases;

/// <summary>The case workspace as its owner or a supervisor of its line sees it.</summary>
public sealed record CaseDetails(
    long Id,
    string Line,
    CaseStatus Status,
    RiskLevel Risk,
    string OwnerId,
    string OwnerName,
    DateTime OpenedAt,
    DateTime? ClosedAt,
    CaseOutcome? Outcome,
    string? ClosingSummary,
    CallerView Caller,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<EscalationView> Escalations,
    bool CanWork);

/// <summary>The first contact of the case, with the caller's full number.</summary>
public sealed record CallerView(
    string Number,
    ContactChannel Channel,
    string Language,
    string? Region,
    string? FirstMessage,
    DateTime ArrivedAt,
    DateTime? ClaimedAt);

public sealed record NoteView(long Id, string AuthorName, string Text, DateTime CreatedAt, long? AmendsNoteId);

/// <summary>A row of "my cases" or "all cases".</summary>
public sealed record CaseSummary(long Id, string Line, CaseStatus Status, RiskLevel Risk, DateTime OpenedAt, ContactChannel Channel, string MaskedCaller)
{
    public string? OwnerName { get; init; }

    public string? Region { get; init; }

    /// <summary>What the case is about, in the taxonomy's order.</summary>
    public IReadOnlyList<Categories.CategoryView> Categories { get; init; } = [];
}
