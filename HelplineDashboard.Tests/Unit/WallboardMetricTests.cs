using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

/// <summary>Each wallboard metric as PRODUCT.md defines it, on a fake clock.</summary>
public sealed class WallboardMetricTests
{
    private static readonly LineThresholds Thresholds = new(ServiceLevelSeconds: 20, TargetPercent: 80, ShortAbandonSeconds: 5, LongestWaitAlarmSeconds: 60);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private ContactFacts Answered(int waitedSeconds, ContactChannel channel = ContactChannel.Voice) =>
        new(channel, ContactStatus.Claimed, Now, Now.AddSeconds(waitedSeconds), null, RiskLevel.Standard, false);

    private ContactFacts Abandoned(double afterSeconds) =>
        new(ContactChannel.Voice, ContactStatus.Abandoned, Now, null, Now.AddSeconds(afterSeconds), RiskLevel.Standard, false);

    private ContactFacts Waiting() => new(ContactChannel.Voice, ContactStatus.Waiting, Now, null, null, RiskLevel.Standard, false);

    private PeriodFigures Figures(params ContactFacts[] contacts) =>
        ContactMetrics.Compute(contacts, Thresholds, Now.AddHours(-1), Now.AddHours(1));

    [Fact]
    public void Offered_counts_every_arrival_except_short_abandons()
    {
        var figures = Figures(Answered(3), Abandoned(30), Waiting(), Abandoned(2));

        Assert.Equal(3, figures.Offered);
        Assert.Equal(1, figures.Answered);
        Assert.Equal(1, figures.Abandoned);
        Assert.Equal(1, figures.ShortAbandoned);
    }

    [Fact]
    public void A_caller_who_leaves_just_before_the_short_abandon_threshold_is_a_short_abandon_and_at_it_is_not()
    {
        Assert.True(ContactMetrics.IsShortAbandon(Abandoned(4.999), Thresholds));
        Assert.False(ContactMetrics.IsShortAbandon(Abandoned(5), Thresholds));
    }

    [Fact]
    public void Short_abandons_count_in_neither_the_service_level_nor_the_abandonment_rate()
    {
        var figures = Figures(Answered(10), Abandoned(1), Abandoned(1), Abandoned(1));

        Assert.Equal(1.0, figures.ServiceLevel);
        Assert.Equal(0.0, figures.AbandonmentRate);
    }

    [Fact]
    public void Service_level_counts_an_answer_at_exactly_the_threshold_and_not_one_second_later()
    {
        var figures = Figures(Answered(20), Answered(21));

        Assert.Equal(1, figures.AnsweredWithinThreshold);
        Assert.Equal(0.5, figures.ServiceLevel);
    }

    [Fact]
    public void Service_level_divides_by_answered_plus_abandoned()
    {
        var figures = Figures(Answered(5), Answered(5), Answered(50), Abandoned(40));

        Assert.Equal(0.5, figures.ServiceLevel);
        Assert.Equal(0.25, figures.AbandonmentRate);
    }

    [Fact]
    public void Average_speed_of_answer_is_the_mean_wait_of_answered_contacts_only()
    {
        var figures = Figures(Answered(10), Answered(30), Abandoned(100), Waiting());

        Assert.Equal(20, figures.AverageSpeedOfAnswerSeconds);
    }

    [Fact]
    public void With_nothing_answered_or_abandoned_there_is_no_rate_rather_than_a_zero()
    {
        var figures = Figures(Waiting());

        Assert.Null(figures.ServiceLevel);
        Assert.Null(figures.AbandonmentRate);
        Assert.Null(figures.AverageSpeedOfAnswerSeconds);
        Assert.False(Thresholds.ServiceLevelBreached(figures.ServiceLevel));
    }

    [Fact]
    public void A_period_counts_contacts_by_arrival_from_its_start_inclusive_to_its_end_exclusive()
    {
        var start = Now;
        var atStart = Answered(1);
        _clock.Advance(TimeSpan.FromHours(1));
        var atEnd = Answered(1);

        var figures = ContactMetrics.Compute([atStart, atEnd], Thresholds, start, start.AddHours(1));

        Assert.Equal(1, figures.Offered);
    }

    [Fact]
    public void Service_level_turns_red_below_the_target_and_not_at_it()
    {
        Assert.False(Thresholds.ServiceLevelBreached(0.80));
        Assert.True(Thresholds.ServiceLevelBreached(0.79));
    }

    [Fact]
    public void Longest_wait_turns_red_at_the_alarm()
    {
        Assert.False(Thresholds.LongestWaitBreached(TimeSpan.FromSeconds(59)));
        Assert.True(Thresholds.LongestWaitBreached(TimeSpan.FromSeconds(60)));
        Assert.False(Thresholds.LongestWaitBreached(null));
    }

    [Theory]
    [InlineData("111", "2026-11-23T18:59:59Z", "2026-11-22T19:00:00Z")] // 23:59:59 in Almaty (UTC+5): still the 23rd
    [InlineData("111", "2026-11-23T19:00:00Z", "2026-11-23T19:00:00Z")] // midnight in Almaty: the 24th starts
    [InlineData("117", "2026-11-23T17:59:59Z", "2026-11-22T18:00:00Z")] // 23:59:59 in Bishkek (UTC+6)
    [InlineData("117", "2026-11-23T18:00:00Z", "2026-11-23T18:00:00Z")] // midnight in Bishkek
    [InlineData("117", "2026-11-23T18:30:00Z", "2026-11-23T18:00:00Z")] // already tomorrow in Bishkek, not yet in Almaty
    public void Today_starts_at_local_midnight_of_each_line(string line, string nowUtc, string expectedStartUtc)
    {
        var start = LineDay.StartOfDay(TestLines.Catalog.Get(line), DateTime.Parse(nowUtc).ToUniversalTime());

        Assert.Equal(DateTime.Parse(expectedStartUtc).ToUniversalTime(), start);
    }
}

public sealed class SqliteTimeTests
{
    [Theory]
    [InlineData("2026-11-23 18:59:59", "2026-11-23T18:59:59.0000000Z")]
    [InlineData("2026-11-23 18:59:59.5", "2026-11-23T18:59:59.5000000Z")]
    [InlineData("2026-11-23 18:59:59.1234567", "2026-11-23T18:59:59.1234567Z")]
    public void Stored_timestamps_read_back_as_the_same_utc_instant(string stored, string expected)
    {
        var parsed = Features.Reports.SqliteTime.Parse(stored);

        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        Assert.Equal(expected, parsed.ToString("O"));
        Assert.Equal(parsed, Features.Reports.SqliteTime.Parse(Features.Reports.SqliteTime.Format(parsed)));
    }
}
