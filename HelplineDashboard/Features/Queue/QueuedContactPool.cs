using System.Collections.Concurrent;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// One instance of each waiting contact's queue row for every open queue page. Each page loads the waiting contacts
/// from the database when it opens, which gives it its own copies (the record and its strings); with a hundred
/// counsellors on the queue and hundreds waiting, those copies were a large part of what every circuit held. A page
/// passes what it loaded through <see cref="Share"/> and keeps the instance another page already holds when it is equal
/// (records compare by value), so the rows are shared, immutable and never stale: a changed row is a new, unequal
/// record and replaces the old one. Entries are weak: a row no page holds any more is collected. See
/// docs/decisions/0013-lean-circuits.md.
/// </summary>
public sealed class QueuedContactPool
{
    private readonly ConcurrentDictionary<long, WeakReference<QueuedContact>> _byId = new();
    private int _addsSincePrune;

    public int Count => _byId.Count;

    /// <summary>The instance equal to <paramref name="contact"/> that other pages hold, or <paramref name="contact"/> itself.</summary>
    public QueuedContact Share(QueuedContact contact)
    {
        if (_byId.TryGetValue(contact.Id, out var held) && held.TryGetTarget(out var shared) && shared == contact)
        {
            return shared;
        }

        _byId[contact.Id] = new WeakReference<QueuedContact>(contact);
        if (Interlocked.Increment(ref _addsSincePrune) >= Math.Max(1_024, _byId.Count))
        {
            Prune();
        }

        return contact;
    }

    /// <summary>Forgets the rows no page holds any more.</summary>
    private void Prune()
    {
        Interlocked.Exchange(ref _addsSincePrune, 0);
        foreach (var (id, held) in _byId)
        {
            if (!held.TryGetTarget(out _))
            {
                _byId.TryRemove(new KeyValuePair<long, WeakReference<QueuedContact>>(id, held));
            }
        }
    }
}
