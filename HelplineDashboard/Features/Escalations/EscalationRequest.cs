namespace HelplineDashboard.Features.Escalations;

/// <summary>What the counsellor fills in to escalate a case.</summary>
public sealed class EscalationRequest
{
    public const int MaxAddressLength = 500;
    public const int MaxSummaryLength = 2000;
    public const int MaxPeopleAtRisk = 100;

    public string? Target { get; set; }

    public string? Region { get; set; }

    public string? Address { get; set; }

    public string? Landmarks { get; set; }

    public EscalationUrgency Urgency { get; set; } = EscalationUrgency.Immediate;

    public int PeopleAtRisk { get; set; } = 1;

    public bool ChildrenPresent { get; set; }

    public bool WeaponsMentioned { get; set; }

    public string? Summary { get; set; }
}
