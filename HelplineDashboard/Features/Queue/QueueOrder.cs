using HelplineDashboard.Features.Contacts;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// The queue order from PRODUCT.md: immediate danger first, then by risk level, then the longest wait.
/// Within a risk level a gateway's urgent flag goes first; the arrival time always breaks the rest,
/// so nobody of the same level is overtaken by a later arrival (ties never starve).
/// </summary>
public static class QueueOrder
{
    public static IOrderedQueryable<Contact> Apply(IQueryable<Contact> waiting) =>
        waiting
            .OrderByDescending(c => c.Risk)
            .ThenByDescending(c => c.Urgent)
            .ThenBy(c => c.ArrivedAt)
            .ThenBy(c => c.Id);

    public static IComparer<QueuedContact> Comparer { get; } = Comparer<QueuedContact>.Create(Compare);

    private static int Compare(QueuedContact? x, QueuedContact? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        var byRisk = y.Risk.CompareTo(x.Risk);
        if (byRisk != 0)
        {
            return byRisk;
        }

        var byUrgent = y.Urgent.CompareTo(x.Urgent);
        if (byUrgent != 0)
        {
            return byUrgent;
        }

        var byArrival = x.ArrivedAt.CompareTo(y.ArrivedAt);
        return byArrival != 0 ? byArrival : x.Id.CompareTo(y.Id);
    }
}
