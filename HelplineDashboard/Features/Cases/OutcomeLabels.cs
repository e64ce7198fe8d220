namespace HelplineDashboard.Features.Cases;

/// <summary>How outcomes read to a counsellor; the strings are localisation keys.</summary>
public static class OutcomeLabels
{
    public static string Label(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.InformationProvided => "Information provided",
        CaseOutcome.PsychologicalSupport => "Psychological support given",
        CaseOutcome.LegalAdvice => "Legal advice given",
        CaseOutcome.ReferredToService => "Referred to a support service",
        CaseOutcome.EscalatedToEmergencyServices => "Escalated to emergency services",
        CaseOutcome.CallerDisconnected => "Caller disconnected",
        CaseOutcome.NotAHelplineMatter => "Not a helpline matter",
        _ => outcome.ToString(),
    };
}
