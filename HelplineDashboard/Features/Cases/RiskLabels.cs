namespace HelplineDashboard.Features.Cases;

/// <summary>The English words (localisation keys) for risk levels.</summary>
public static class RiskLabels
{
    public static string Label(RiskLevel risk) => risk switch
    {
        RiskLevel.ImmediateDanger => "Immediate danger",
        RiskLevel.High => "High risk",
        RiskLevel.Medium => "Medium risk",
        _ => "Standard risk",
    };
}
