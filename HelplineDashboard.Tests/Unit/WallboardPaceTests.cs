using HelplineDashboard.Features.Wallboard;

namespace HelplineDashboard.Tests.Unit;

/// <summary>How long the wallboard's metrics service rests after a computation, for its cost (<see cref="WallboardOptions.RestAfterCost"/>).</summary>
public sealed class WallboardPaceTests
{
    [Theory]
    [InlineData(20, 60)]
    [InlineData(200, 600)]
    [InlineData(2_000, 6_000)]
    public void A_computation_is_followed_by_three_times_its_cost_so_the_board_takes_at_most_a_quarter_of_one_core(int computationMs, int restMs)
    {
        var computation = TimeSpan.FromMilliseconds(computationMs);

        var rest = new WallboardOptions { MaxShareOfOneCore = 0.25 }.RestAfterCost(computation);

        Assert.Equal(TimeSpan.FromMilliseconds(restMs), rest);
        Assert.Equal(0.25, computation / (computation + rest), precision: 6);
    }

    [Fact]
    public void With_the_whole_core_allowed_a_computation_needs_no_rest_of_its_own() =>
        Assert.Equal(TimeSpan.Zero, new WallboardOptions { MaxShareOfOneCore = 1 }.RestAfterCost(TimeSpan.FromSeconds(1)));

    [Fact]
    public void The_default_share_is_a_quarter_of_one_core() =>
        Assert.Equal(TimeSpan.FromMilliseconds(300), new WallboardOptions().RestAfterCost(TimeSpan.FromMilliseconds(100)));
}
