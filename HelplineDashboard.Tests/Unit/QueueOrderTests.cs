using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;

namespace HelplineDashboard.Tests.Unit;

public sealed class QueueOrderTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private static QueuedContact Waiting(long id, int arrivedMinutesAfterT0, RiskLevel risk = RiskLevel.Standard, bool urgent = false) =>
        new(id, "111", ContactChannel.Voice, "ru", "+7 7** *** ** 67", null, urgent, risk, T0.AddMinutes(arrivedMinutesAfterT0));

    [Fact]
    public void Immediate_danger_goes_first_even_when_it_arrived_last()
    {
        var queue = new[] { Waiting(1, 0), Waiting(2, 1, RiskLevel.High), Waiting(3, 30, RiskLevel.ImmediateDanger) };

        var ordered = queue.Order(QueueOrder.Comparer).Select(c => c.Id);

        Assert.Equal([3L, 2L, 1L], ordered);
    }

    [Fact]
    public void Higher_risk_goes_before_lower_risk()
    {
        var queue = new[] { Waiting(1, 0, RiskLevel.Standard), Waiting(2, 5, RiskLevel.Medium), Waiting(3, 9, RiskLevel.High) };

        Assert.Equal([3L, 2L, 1L], queue.Order(QueueOrder.Comparer).Select(c => c.Id));
    }

    [Fact]
    public void Within_one_risk_level_the_longest_wait_goes_first()
    {
        var queue = new[] { Waiting(1, 7), Waiting(2, 2), Waiting(3, 5) };

        Assert.Equal([2L, 3L, 1L], queue.Order(QueueOrder.Comparer).Select(c => c.Id));
    }

    [Fact]
    public void Urgent_flag_goes_first_within_its_risk_level_but_not_above_a_higher_level()
    {
        var queue = new[] { Waiting(1, 0, RiskLevel.Medium), Waiting(2, 3, urgent: true), Waiting(3, 1) };

        Assert.Equal([1L, 2L, 3L], queue.Order(QueueOrder.Comparer).Select(c => c.Id));
    }

    [Fact]
    public void Same_level_and_arrival_is_ordered_by_id_so_the_order_is_stable()
    {
        var queue = new[] { Waiting(9, 0), Waiting(4, 0) };

        Assert.Equal([4L, 9L], queue.Order(QueueOrder.Comparer).Select(c => c.Id));
    }
}
