using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>Publishes each new wallboard snapshot to open wallboard pages and the metrics hub.</summary>
public sealed class WallboardNotifier(ILogger<WallboardNotifier> logger) : Notifier<WallboardSnapshot>(logger);
