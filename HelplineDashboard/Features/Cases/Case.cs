using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;

namespace HelplineDashboard.Features.Cases;

/// <summary>The helpline's file on a person's situation. Opened by a claim.</summary>
public sealed class Case
{
    public long Id { get; set; }

    public required string Line { get; set; }

    public required string OwnerId { get; set; }

    public required string OwnerName { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public RiskLevel Risk { get; set; } = RiskLevel.Standard;

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public CaseOutcome? Outcome { get; set; }

    public string? ClosingSummary { get; set; }

    /// <summary>When retention removed the survivor data; the statistics stay.</summary>
    public DateTime? AnonymisedAt { get; set; }

    public List<Contact> Contacts { get; set; } = [];

    public List<CaseNote> Notes { get; set; } = [];

    public List<Escalation> Escalations { get; set; } = [];
}

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>Risk levels in increasing order; the queue puts higher levels first.</summary>
public enum RiskLevel
{
    Standard = 0,
    Medium = 1,
    High = 2,
    ImmediateDanger = 3,
}

/// <summary>How a case ended, as recorded when it is closed.</summary>
public enum CaseOutcome
{
    InformationProvided,
    PsychologicalSupport,
    LegalAdvice,
    ReferredToService,
    EscalatedToEmergencyServices,
    CallerDisconnected,
    NotAHelplineMatter,
}
