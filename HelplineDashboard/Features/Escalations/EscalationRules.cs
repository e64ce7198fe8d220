namespace HelplineDashboard.Features.Escalations;

/// <summary>When an escalation needs a human to phone it in, and which status changes a target may report.</summary>
public static class EscalationRules
{
    /// <summary>
    /// The alarm is up when delivery failed, when it was raised (no endpoint, or not sent in time), or when the
    /// escalation is still only Requested after the fallback time. It closes when a counsellor records the manual
    /// call, or when the service itself confirms (Acknowledged or later); a late "Sent" alone does not close it.
    /// </summary>
    public static bool IsAlarm(Escalation escalation, DateTime now, TimeSpan fallbackAfter) =>
        escalation.PhonedManuallyAt is null &&
        escalation.Status is not (EscalationStatus.Acknowledged or EscalationStatus.Dispatched or EscalationStatus.Resolved) &&
        (escalation.Status == EscalationStatus.Failed ||
         escalation.AlarmRaisedAt is not null ||
         (escalation.Status == EscalationStatus.Requested && now - escalation.RequestedAt >= fallbackAfter));

    /// <summary>
    /// Targets move an escalation forward only: Acknowledged, Dispatched, Resolved. A target that confirms an
    /// escalation we had given up on is believed: the service has it.
    /// </summary>
    public static bool TargetMayReport(EscalationStatus current, EscalationStatus reported) =>
        reported is EscalationStatus.Acknowledged or EscalationStatus.Dispatched or EscalationStatus.Resolved &&
        (reported > current || current == EscalationStatus.Failed);
}
