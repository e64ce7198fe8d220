using HelplineDashboard.Features.Queue;

namespace HelplineDashboard.Tests.Unit;

public sealed class WaitTimeFormatTests
{
    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(5, "0:05")]
    [InlineData(65, "1:05")]
    [InlineData(3599, "59:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(-3, "0:00")]
    public void Wait_reads_as_minutes_and_seconds_then_hours(int seconds, string expected)
    {
        Assert.Equal(expected, WaitTime.Format(TimeSpan.FromSeconds(seconds)));
    }
}
