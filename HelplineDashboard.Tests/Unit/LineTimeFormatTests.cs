using System.Globalization;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Lines;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class LineTimeFormatTests
{
    private static readonly DateTime SixUtc = new(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc);

    private static string InCulture(string culture, Func<string> format)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Culture(culture);
            return format();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Theory]
    [InlineData("117", "12:00")] // Asia/Bishkek, UTC+6
    [InlineData("111", "11:00")] // Asia/Almaty, UTC+5 since March 2024
    public void A_stored_UTC_time_shows_on_the_lines_own_clock(string line, string expected) =>
        Assert.Equal(expected, InCulture("ru", () => LineTime.Format(SixUtc, line, "t", TestLines.Catalog)));

    [Theory]
    [InlineData("ru", "23.11.2026")]
    [InlineData("kk", "23.11.2026")]
    [InlineData("ky", "23.11.2026")]
    [InlineData("en", "11/23/2026")]
    public void Dates_follow_the_persons_culture(string culture, string date) =>
        Assert.StartsWith(date, InCulture(culture, () => LineTime.Format(SixUtc, "117", "g", TestLines.Catalog)));

    [Fact]
    public void A_time_on_an_unknown_line_stays_in_UTC() =>
        Assert.Equal("06:00", InCulture("ru", () => LineTime.Format(SixUtc, "999", "t", TestLines.Catalog)));
}
