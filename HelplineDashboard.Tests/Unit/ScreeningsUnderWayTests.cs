using HelplineDashboard.Features.Cases;

namespace HelplineDashboard.Tests.Unit;

public sealed class ScreeningsUnderWayTests
{
    [Fact]
    public void No_screening_since_the_mark_needs_no_second_read()
    {
        var screenings = new ScreeningsUnderWay();
        using (screenings.Begin())
        {
        }

        var mark = screenings.Mark();
        Assert.False(screenings.AnySince(mark));
    }

    [Fact]
    public void A_screening_that_starts_after_the_mark_needs_a_second_read()
    {
        var screenings = new ScreeningsUnderWay();
        var mark = screenings.Mark();
        using (screenings.Begin())
        {
            Assert.True(screenings.AnySince(mark));
        }

        Assert.True(screenings.AnySince(mark));
    }

    [Fact]
    public void A_screening_under_way_at_the_mark_that_ends_before_the_check_needs_a_second_read()
    {
        var screenings = new ScreeningsUnderWay();
        var underWay = screenings.Begin();
        var mark = screenings.Mark();
        underWay.Dispose();

        Assert.True(screenings.AnySince(mark));
    }
}
