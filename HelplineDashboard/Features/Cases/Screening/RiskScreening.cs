namespace HelplineDashboard.Features.Cases;

/// <summary>One risk screening of a case. Every screening is kept; the latest is the case's risk.</summary>
public sealed class RiskScreening
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public ScreeningAnswers Answers { get; set; } = new();

    /// <summary>What <see cref="RiskRule"/> made of the answers.</summary>
    public RiskLevel ComputedRisk { get; set; }

    /// <summary>The level in force: the computed one, or the counsellor's override.</summary>
    public RiskLevel Risk { get; set; }

    /// <summary>Why the counsellor chose another level than the computed one. Encrypted at rest.</summary>
    public string? OverrideReason { get; set; }

    public required string AssessedById { get; set; }

    public required string AssessedByName { get; set; }

    public DateTime AssessedAt { get; set; }
}
