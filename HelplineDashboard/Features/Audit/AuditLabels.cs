namespace HelplineDashboard.Features.Audit;

/// <summary>What the audit log calls each action: an English key the UI shows through <c>L[...]</c> (Localization/ComputedKeys.cs).</summary>
public static class AuditLabels
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.SignInSucceeded => "Signed in",
        AuditAction.SignInFailed => "Sign-in failed",
        AuditAction.SignedOut => "Signed out",
        AuditAction.CaseViewed => "Case viewed",
        AuditAction.ContactClaimed => "Contact claimed",
        AuditAction.NoteAdded => "Note added",
        AuditAction.CaseClosed => "Case closed",
        AuditAction.EscalationRequested => "Escalation requested",
        AuditAction.EscalationPhonedManually => "Escalation phoned manually",
        AuditAction.Exported => "Exported",
        AuditAction.SettingsChanged => "Settings changed",
        AuditAction.Anonymised => "Anonymised",
        AuditAction.ContactReleased => "Contact released to the queue",
        AuditAction.TransferRequested => "Transfer requested",
        AuditAction.TransferAccepted => "Transfer accepted",
        AuditAction.TransferDeclined => "Transfer declined",
        AuditAction.TransferCancelled => "Transfer cancelled",
        AuditAction.CaseReopened => "Case reopened",
        AuditAction.ReferralRecorded => "Referral recorded",
        AuditAction.ReferralStatusChanged => "Referral status changed",
        AuditAction.FollowUpScheduled => "Callback scheduled",
        AuditAction.FollowUpDone => "Callback done",
        AuditAction.RiskScreened => "Risk screened",
        AuditAction.SafetyPlanChanged => "Safety plan changed",
        AuditAction.CategoriesChanged => "Categories changed",
        AuditAction.CaseReassigned => "Case reassigned",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
