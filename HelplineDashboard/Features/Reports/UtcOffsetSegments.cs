using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace HelplineDashboard.Features.Reports;

/// <summary>
/// A UTC range cut where a time zone's offset from UTC changes, so a query can compute local days with a constant
/// offset per piece. Found from the <see cref="TimeZoneInfo"/> itself, so a future daylight-saving rule still gives the
/// same local day as <c>TimeZoneInfo.ConvertTimeFromUtc</c>.
/// </summary>
public static class UtcOffsetSegments
{
    /// <summary>
    /// Each piece's UTC start (the first the range's start) and its offset in whole seconds. Probes the offset once a
    /// day and bisects to the tick where it changes: zones change their offset at most once within a day.
    /// </summary>
    public static IReadOnlyList<(DateTime StartUtc, int OffsetSeconds)> Between(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var segments = new List<(DateTime, int)> { (fromUtc, Offset(zone, fromUtc)) };
        var at = fromUtc;
        while (at < toUtc)
        {
            var next = at.AddDays(1) < toUtc ? at.AddDays(1) : toUtc;
            var current = segments[^1].Item2;
            if (Offset(zone, next) != current)
            {
                // Bisect (at, next]: the first tick with the new offset.
                long low = at.Ticks, high = next.Ticks;
                while (high - low > 1)
                {
                    var middle = low + ((high - low) / 2);
                    if (Offset(zone, new DateTime(middle, DateTimeKind.Utc)) == current)
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                var start = new DateTime(high, DateTimeKind.Utc);
                if (start < toUtc)
                {
                    segments.Add((start, Offset(zone, start)));
                }
            }

            at = next;
        }

        return segments;
    }

    /// <summary>
    /// SQL for the offset in seconds of a contact's arrival (<c>c."ArrivedAt"</c>): a constant, or a CASE over the
    /// segments' starts, added to <paramref name="command"/> as <c>$segment1</c>, <c>$segment2</c>, ...
    /// </summary>
    public static string Sql(IReadOnlyList<(DateTime StartUtc, int OffsetSeconds)> segments, SqliteCommand command)
    {
        var offset = segments[^1].OffsetSeconds.ToString(CultureInfo.InvariantCulture);
        if (segments.Count == 1)
        {
            return offset;
        }

        var cases = new StringBuilder("CASE");
        for (var i = 1; i < segments.Count; i++)
        {
            cases.Append(CultureInfo.InvariantCulture, $""" WHEN c."ArrivedAt" < $segment{i} THEN {segments[i - 1].OffsetSeconds}""");
            command.Parameters.AddWithValue($"$segment{i}", SqliteTime.Format(segments[i].StartUtc));
        }

        return $"{cases} ELSE {offset} END";
    }

    private static int Offset(TimeZoneInfo zone, DateTime utc) =>
        (int)zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).TotalSeconds;
}
