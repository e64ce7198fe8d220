using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Presence;

/// <summary>Publishes presence changes to the wallboard metrics and the presence menu.</summary>
public sealed class PresenceNotifier(ILogger<PresenceNotifier> logger) : Notifier<PresenceChanged>(logger);
