namespace HelplineDashboard.Features.Cases;

/// <summary>A timestamped entry by its author. Append-only: a correction is a new note that amends an earlier one.</summary>
public sealed class CaseNote
{
    public const int MaxLength = 10_000;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }

    public long? AmendsNoteId { get; set; }
}
