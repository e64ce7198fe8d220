using MudBlazor;

namespace HelplineDashboard.Features.Presence;

/// <summary>The English key (for <c>L[...]</c>) and colour of each presence.</summary>
public static class PresenceLabels
{
    public static string Text(PresenceStatus status) => status switch
    {
        PresenceStatus.Available => "Available",
        PresenceStatus.Busy => "Busy",
        PresenceStatus.Break => "Break",
        _ => "Offline",
    };

    public static Color Color(PresenceStatus status) => status switch
    {
        PresenceStatus.Available => MudBlazor.Color.Success,
        PresenceStatus.Busy => MudBlazor.Color.Warning,
        PresenceStatus.Break => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
