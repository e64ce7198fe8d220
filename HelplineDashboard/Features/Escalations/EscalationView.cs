namespace HelplineDashboard.Features.Escalations;

/// <summary>An escalation as the case and the supervisors show it, with its alarm worked out.</summary>
public sealed record EscalationView(
    Guid Id,
    long CaseId,
    string Line,
    string Target,
    string TargetName,
    string TargetPhone,
    string Region,
    string Address,
    string? Landmarks,
    EscalationUrgency Urgency,
    int PeopleAtRisk,
    bool ChildrenPresent,
    bool WeaponsMentioned,
    string Summary,
    EscalationStatus Status,
    DateTime RequestedAt,
    string RequestedByName,
    DateTime? StatusChangedAt,
    bool Alarm,
    DateTime? PhonedManuallyAt,
    string? PhonedManuallyByName,
    string? OperatorReference)
{
    public static EscalationView From(Escalation e, DateTime now, TimeSpan fallbackAfter) => new(
        e.Id, e.CaseId, e.Line, e.Target, e.TargetName, e.TargetPhone, e.Region, e.Address, e.Landmarks, e.Urgency,
        e.PeopleAtRisk, e.ChildrenPresent, e.WeaponsMentioned, e.Summary, e.Status, e.RequestedAt, e.RequestedByName,
        e.StatusChangedAt, EscalationRules.IsAlarm(e, now, fallbackAfter), e.PhonedManuallyAt, e.PhonedManuallyByName,
        e.OperatorReference);
}
