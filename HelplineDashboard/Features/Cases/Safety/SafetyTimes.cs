using System.Globalization;
using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Cases;

/// <summary>Reads a time of day as counsellors type it (18:00, 8:30).</summary>
public static class SafetyTimes
{
    public static TimeOnly? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return TimeOnly.TryParseExact(trimmed, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new HelplineRuleException("Write safe times as hours and minutes, e.g. 18:00.");
    }
}
