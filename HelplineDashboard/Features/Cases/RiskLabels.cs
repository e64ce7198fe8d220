namespace HelplineDashboard.Features.Cases;

/// <summary>How risk levels read; the strings are localisation keys.</summary>
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
