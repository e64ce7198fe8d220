using System.Collections.Concurrent;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// Contacts this app has claimed, so a claim that lost the race is answered from memory instead of the database. It
/// only ever refuses what is surely taken: a contact is remembered after the commit that claimed it (while the claim
/// writer still holds the write gate) and forgotten by a release before the release lets go of the gate, so memory
/// never says "claimed" about a contact the database has waiting. Anything not remembered (an app restart, a full
/// memory) goes to the database as before. See docs/decisions/0015-claim-batching.md.
/// </summary>
public sealed class ClaimedContacts
{
    /// <summary>More than a busy day of claims; when reached, memory starts again empty and the database answers.</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<long, Claimant> _claimed = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _inFlight = new();

    /// <summary>The answer to a claim on a contact known to be claimed on one of <paramref name="lines"/>; null when not known.</summary>
    public ClaimResult? Refusal(long contactId, IReadOnlySet<string> lines) =>
        _claimed.TryGetValue(contactId, out var claimant) && lines.Contains(claimant.Line)
            ? ClaimResult.AlreadyClaimed(claimant.Name)
            : null;

    /// <summary>Call only after the commit that claimed the contact returned.</summary>
    public void Remember(long contactId, string line, string claimedByName)
    {
        if (_claimed.Count >= Capacity)
        {
            _claimed.Clear();
        }

        _claimed[contactId] = new Claimant(line, claimedByName);
    }

    /// <summary>
    /// The task of the claim already on its way to the database for the contact, or null after registering this
    /// claimant's own as <paramref name="mine"/> (then call <see cref="Landed(long, TaskCompletionSource)"/> when it
    /// is answered). A claimant who finds one waits for it to land and asks <see cref="Refusal"/> again: if it won,
    /// this claim has lost, as it would have in the database. The claim writer lands a batch's contacts right after its
    /// commit (<see cref="Landed(IEnumerable{long})"/>), before the winners hear they won. Most claimants in a race
    /// find one, so they allocate nothing here.
    /// </summary>
    public Task? ClaimOnItsWay(long contactId, out TaskCompletionSource? mine)
    {
        mine = null;
        if (_inFlight.TryGetValue(contactId, out var earlier))
        {
            return earlier.Task;
        }

        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_inFlight.TryAdd(contactId, registered))
        {
            mine = registered;
            return null;
        }

        // Another claimant registered in between; if it has already landed too, this one goes to the database unregistered.
        return _inFlight.TryGetValue(contactId, out earlier) ? earlier.Task : Task.CompletedTask;
    }

    /// <summary>
    /// The claims on these contacts were committed (memory already knows the winners) or refused: claims waiting on them
    /// go on now. Landing a contact early is harmless: a waiter that memory does not refuse goes to the database.
    /// </summary>
    public void Landed(IEnumerable<long> contactIds)
    {
        foreach (var contactId in contactIds)
        {
            if (_inFlight.TryRemove(contactId, out var landed))
            {
                landed.TrySetResult();
            }
        }
    }

    /// <summary>The claim registered as <paramref name="mine"/> was answered (or failed); a later claim goes on its own way.</summary>
    public void Landed(long contactId, TaskCompletionSource mine)
    {
        _inFlight.TryRemove(KeyValuePair.Create(contactId, mine));
        mine.TrySetResult();
    }

    /// <summary>Call before a release of the contact lets go of the write gate.</summary>
    public void Forget(long contactId) => _claimed.TryRemove(contactId, out _);

    private sealed record Claimant(string Line, string Name);
}
