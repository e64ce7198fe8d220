namespace HelplineDashboard.Features.Audit;

/// <summary>
/// One line of the append-only audit log: who did what, to which record, when and from where. Never survivor data:
/// the subject is a record's id (<c>case:42</c>), never a number, name or message. The database refuses updates and
/// deletes of this table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The user's id, or the account name tried at a failed sign-in, or a gateway's name.</summary>
    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The record acted on, e.g. <c>case:42</c>, <c>contact:7</c>, <c>escalation:0199…</c>.</summary>
    public string? Subject { get; set; }

    /// <summary>The line the record belongs to, so supervisors see their lines' entries.</summary>
    public string? Line { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client address the action came from (for circuits: the address that signed in).</summary>
    public string? Address { get; set; }
}

/// <summary>
/// What an audit line records; stored by name. Opening a case shows the caller's full number, so <see cref="CaseViewed"/>
/// is also the line that says who saw it.
/// </summary>
public enum AuditAction
{
    SignInSucceeded,
    SignInFailed,
    SignedOut,
    CaseViewed,
    ContactClaimed,
    NoteAdded,
    CaseClosed,
    EscalationRequested,
    EscalationPhonedManually,
    Exported,
    SettingsChanged,
    Anonymised,
    ContactReleased,
    TransferRequested,
    TransferAccepted,
    TransferDeclined,
    TransferCancelled,
    CaseReopened,
    ReferralRecorded,
    ReferralStatusChanged,
    FollowUpScheduled,
    FollowUpDone,
    RiskScreened,
    SafetyPlanChanged,
    CategoriesChanged,
    CaseReassigned,
}
