namespace HelplineDashboard.Features.Escalations;

/// <summary>What the counsellor fills in to escalate a case.</summary>
public sealed class EscalationRequest
{
    public const int MaxAddressLength = 500;
    public const int MaxReasonLength = 2000;

    public string Target { get; set; } = EscalationTargets.Police.Code;

    public string? Region { get; set; }

    public string? Address { get; set; }

    public string? Landmarks { get; set; }

    public EscalationUrgency Urgency { get; set; } = EscalationUrgency.Immediate;

    public string? Reason { get; set; }
}

/// <summary>An emergency or statutory service a case can be escalated to.</summary>
public sealed record EscalationTarget(string Code, string Name, string Phone);

public static class EscalationTargets
{
    public static readonly EscalationTarget Police = new("police", "Police", "102");

    public static IReadOnlyList<EscalationTarget> All { get; } = [Police];

    public static EscalationTarget? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}
