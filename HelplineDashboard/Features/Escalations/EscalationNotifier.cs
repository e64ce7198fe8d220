using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Escalations;

/// <summary>Something changed in an escalation: requested, delivered, acknowledged, failed, alarmed, phoned in.</summary>
public sealed record EscalationChanged(Guid EscalationId, long CaseId, string Line, EscalationStatus Status, bool Alarm);

/// <summary>Publishes escalation changes to open cases, supervisors' views and the dispatcher.</summary>
public sealed class EscalationNotifier(ILogger<EscalationNotifier> logger) : Notifier<EscalationChanged>(logger);
