using HelplineDashboard.Features.Wallboard;

namespace HelplineDashboard.Tests.Unit;

/// <summary>How long the wallboard's metrics service rests between computations (<see cref="WallboardOptions.RestAfter"/>).</summary>
public sealed class WallboardPaceTests
{
    private static readonly WallboardOptions Defaults = new() { MinIntervalMilliseconds = 500, MaxShareOfOneCore = 0.25 };

    [Theory]
    [InlineData(0, 500)]
    [InlineData(20, 480)]
    [InlineData(125, 375)]
    public void A_quick_computation_is_followed_by_the_rest_of_the_least_interval(int computationMs, int restMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(restMs), Defaults.RestAfter(TimeSpan.FromMilliseconds(computationMs)));

    [Theory]
    [InlineData(200, 600)]
    [InlineData(400, 1_200)]
    [InlineData(2_000, 6_000)]
    public void A_slow_computation_rests_three_times_as_long_so_the_board_takes_at_most_a_quarter_of_one_core(int computationMs, int restMs)
    {
        var computation = TimeSpan.FromMilliseconds(computationMs);

        var rest = Defaults.RestAfter(computation);

        Assert.Equal(TimeSpan.FromMilliseconds(restMs), rest);
        Assert.Equal(0.25, computation / (computation + rest), precision: 6);
    }

    [Fact]
    public void A_computation_longer_than_the_least_interval_with_the_whole_core_allowed_is_followed_at_once() =>
        Assert.Equal(TimeSpan.Zero, new WallboardOptions { MinIntervalMilliseconds = 500, MaxShareOfOneCore = 1 }.RestAfter(TimeSpan.FromSeconds(1)));
}
