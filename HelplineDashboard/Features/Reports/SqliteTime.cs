using System.Globalization;

namespace HelplineDashboard.Features.Reports;

/// <summary>
/// Timestamps as EF Core's SQLite provider stores them (UTC text, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>), for the
/// report's raw reads. Parsing is by position: a 30-day report parses a few hundred thousand of them.
/// </summary>
public static class SqliteTime
{
    private const string Layout = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static string Format(DateTime utc) => utc.ToString(Layout, CultureInfo.InvariantCulture);

    public static DateTime Parse(string stored)
    {
        if (stored.Length < 19 || stored[4] != '-' || stored[10] != ' ')
        {
            return DateTime.SpecifyKind(DateTime.Parse(stored, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        }

        var value = new DateTime(
            Digits(stored, 0, 4), Digits(stored, 5, 2), Digits(stored, 8, 2),
            Digits(stored, 11, 2), Digits(stored, 14, 2), Digits(stored, 17, 2), DateTimeKind.Utc);
        if (stored.Length > 20 && stored[19] == '.')
        {
            var fraction = stored.AsSpan(20);
            long ticks = 0;
            for (var i = 0; i < 7; i++)
            {
                ticks = ticks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
            }

            value = value.AddTicks(ticks);
        }

        return value;
    }

    /// <summary>
    /// SQL for a stored timestamp as 100-ns ticks since 1970: whole seconds from <c>unixepoch</c> of the first 19
    /// characters (unixepoch of the whole text rounds to milliseconds) plus the fraction's seven digits.
    /// </summary>
    public static string Ticks(string column) =>
        $"""(unixepoch(substr({column}, 1, 19)) * 10000000 + CASE WHEN length({column}) > 20 THEN CAST(substr({column} || '000000', 21, 7) AS INTEGER) ELSE 0 END)""";

    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = value * 10 + (text[i] - '0');
        }

        return value;
    }
}
