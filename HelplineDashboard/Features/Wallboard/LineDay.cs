using HelplineDashboard.Features.Lines;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>"Today" on a line is the line's local day (Asia/Almaty on 111, Asia/Bishkek on 117), in UTC bounds.</summary>
public static class LineDay
{
    /// <summary>UTC start of the local day that contains <paramref name="nowUtc"/>.</summary>
    public static DateTime StartOfDay(Line line, DateTime nowUtc) => StartOfDay(line.TimeZone, nowUtc);

    public static DateTime StartOfDay(TimeZoneInfo zone, DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        return ToUtc(zone, local.Date);
    }

    /// <summary>UTC instant of a local midnight (or the first valid instant after it).</summary>
    public static DateTime ToUtc(TimeZoneInfo zone, DateTime localDate)
    {
        var local = DateTime.SpecifyKind(localDate, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The local hour (0–23) a UTC instant falls in.</summary>
    public static int LocalHour(TimeZoneInfo zone, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).Hour;
}
