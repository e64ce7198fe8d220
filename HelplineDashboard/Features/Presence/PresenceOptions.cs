namespace HelplineDashboard.Features.Presence;

/// <summary><c>Presence</c> settings.</summary>
public sealed class PresenceOptions
{
    public const string SectionName = "Presence";

    /// <summary>How long after a person's last browser tab went away they turn Offline. A reload or a short network drop stays inside it.</summary>
    public int GraceSeconds { get; set; } = 30;
}
