namespace HelplineDashboard.Features.Cases;

/// <summary>The English key (for <c>L[...]</c>) of each risk level: badges, reports and filters say the same.</summary>
public static class RiskLabels
{
    public static string Text(RiskLevel risk) => risk switch
    {
        RiskLevel.ImmediateDanger => "Immediate danger",
        RiskLevel.High => "High risk",
        RiskLevel.Medium => "Medium risk",
        _ => "Standard risk",
    };
}
