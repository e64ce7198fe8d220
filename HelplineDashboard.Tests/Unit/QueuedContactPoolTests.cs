using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;

namespace HelplineDashboard.Tests.Unit;

public sealed class QueuedContactPoolTests
{
    private static QueuedContact Waiting(long id, RiskLevel risk = RiskLevel.Standard) =>
        new(id, "111", ContactChannel.Voice, "kk", string.Concat("+7 7** *** ** ", "67"), null, false, risk,
            new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Two_queue_pages_loading_the_same_waiting_contact_share_one_row()
    {
        var pool = new QueuedContactPool();

        var first = pool.Share(Waiting(1));
        var second = pool.Share(Waiting(1));

        Assert.Same(first, second);
    }

    [Fact]
    public void A_changed_contact_is_never_replaced_by_its_stale_row()
    {
        var pool = new QueuedContactPool();
        var before = pool.Share(Waiting(1));

        var raised = pool.Share(Waiting(1, RiskLevel.High));

        Assert.Equal(RiskLevel.High, raised.Risk);
        Assert.NotSame(before, raised);
        Assert.Same(raised, pool.Share(Waiting(1, RiskLevel.High)));
    }

    [Fact]
    public void Different_contacts_stay_different_rows()
    {
        var pool = new QueuedContactPool();

        Assert.Equal(2, pool.Share(Waiting(2)).Id);
        Assert.Equal(3, pool.Share(Waiting(3)).Id);
    }
}
