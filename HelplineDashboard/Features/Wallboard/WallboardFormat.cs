using System.Globalization;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Queue;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>How wallboard numbers read: a dash when there is nothing to measure yet.</summary>
public static class WallboardFormat
{
    public const string None = "—";

    public static string Percent(double? ratio) =>
        ratio is { } value ? (value * 100).ToString("0", CultureInfo.CurrentCulture) + " %" : None;

    public static string Duration(double? seconds) =>
        seconds is { } value ? WaitTime.Format(TimeSpan.FromSeconds(Math.Round(value))) : None;

    public static string Duration(TimeSpan? span) => span is { } value ? WaitTime.Format(value) : None;

    /// <summary>English key for L[...] of a channel.</summary>
    public static string Channel(ContactChannel channel) => ContactChannelLabels.Label(channel);

    /// <summary>English key for L[...] of an escalation status.</summary>
    public static string EscalationStatus(EscalationStatus status) => status switch
    {
        Escalations.EscalationStatus.Requested => "Requested",
        Escalations.EscalationStatus.Sent => "Sent",
        Escalations.EscalationStatus.Acknowledged => "Acknowledged",
        Escalations.EscalationStatus.Dispatched => "Dispatched",
        Escalations.EscalationStatus.Resolved => "Resolved",
        _ => "Failed",
    };
}
