namespace HelplineDashboard.Tests.Support;

/// <summary>Callback times on line 111's clock (Asia/Almaty), for follow-ups checked against a safety plan.</summary>
public static class SafeTimes
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    /// <summary>Tomorrow at <paramref name="hour"/>:<paramref name="minute"/> in Almaty, as UTC.</summary>
    public static DateTime TomorrowInAlmaty(int hour, int minute = 0)
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Almaty).Date;
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(today.AddDays(1).AddHours(hour).AddMinutes(minute), DateTimeKind.Unspecified), Almaty);
    }
}
