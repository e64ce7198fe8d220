using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Presence;

/// <summary>
/// Who is free to answer. Held in memory (presence is about now, not history): a person's open browser circuits are
/// counted, and when the last one goes away they turn Offline after <see cref="PresenceOptions.GraceSeconds"/>.
/// A claim, an accepted transfer or a reassignment makes the receiver Busy; putting down their last open case makes a
/// Busy person Available again. Also the one source of who is online for language coverage (OnlineCounsellors).
/// See docs/decisions/0008-wallboard-presence-and-metrics.md.
/// </summary>
public sealed class PresenceService(
    PresenceNotifier notifier,
    TimeProvider time,
    IOptionsMonitor<PresenceOptions> options,
    ILogger<PresenceService> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    /// <summary>Everyone who works the queue and has been seen since the app started.</summary>
    public IReadOnlyList<PresenceView> Everyone()
    {
        lock (_gate)
        {
            return _people.Values.Select(p => p.View()).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        }
    }

    /// <summary>The person's presence; someone not seen since the app started is Offline.</summary>
    public PresenceStatus StatusOf(string userId)
    {
        lock (_gate)
        {
            return _people.TryGetValue(userId, out var person) ? person.Status : PresenceStatus.Offline;
        }
    }

    /// <summary>The person sets their own presence from the app bar.</summary>
    public Task SetAsync(Actor actor, PresenceStatus status)
    {
        EnsureWorksQueue(actor);
        if (!Enum.IsDefined(status))
        {
            throw new HelplineRuleException("Choose a presence.");
        }

        return ChangeAsync(actor, status, _ => true);
    }

    /// <summary>
    /// Refuses a claim by someone on Break or Offline. Someone the app has not seen yet (no browser since it started,
    /// e.g. right after a restart) is acting now, so is present; the claim then makes them Busy.
    /// </summary>
    public void EnsureMayClaim(Actor actor)
    {
        lock (_gate)
        {
            if (_people.TryGetValue(actor.UserId, out var person) && person.Status is PresenceStatus.Break or PresenceStatus.Offline)
            {
                throw new HelplineRuleException("Set yourself Available before you claim a contact.");
            }
        }
    }

    /// <summary>A claim makes the claimant Busy until the case is put down.</summary>
    public Task ClaimedAsync(Actor actor) => ChangeAsync(actor, PresenceStatus.Busy, _ => true);

    /// <summary>
    /// A case was handed to the person (a transfer they accepted, a supervisor's reassignment): Available becomes Busy,
    /// like a claim. A chosen Break or Offline stays (they are not at the desk), and someone the app has not seen is
    /// not tracked by this.
    /// </summary>
    public Task CaseReceivedAsync(string userId) => ChangeTrackedAsync(userId, PresenceStatus.Busy, current => current == PresenceStatus.Available);

    /// <summary>
    /// The person no longer holds an open case (they closed their last one, or it went to someone else): a Busy person
    /// is Available again; a chosen Break or Offline stays. Callers check that no open case is left.
    /// </summary>
    public Task CasesPutDownAsync(string userId) => ChangeTrackedAsync(userId, PresenceStatus.Available, current => current == PresenceStatus.Busy);

    /// <summary>
    /// A browser circuit of the person connected: they are back, and Offline becomes Available. <paramref name="languages"/>
    /// are the languages they counsel in (read from their account as the circuit opens), kept for language coverage.
    /// </summary>
    public Task CircuitUpAsync(Actor actor, IReadOnlySet<string>? languages = null)
    {
        if (!actor.WorksQueue)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            var person = Track(actor);
            person.Languages = languages ?? person.Languages;
            person.Circuits++;
            person.Grace?.Dispose();
            person.Grace = null;
        }

        return ChangeAsync(actor, PresenceStatus.Available, current => current == PresenceStatus.Offline);
    }

    /// <summary>A browser circuit of the person went away; after the last one, a grace period, then Offline.</summary>
    public void CircuitDown(string userId)
    {
        lock (_gate)
        {
            if (!_people.TryGetValue(userId, out var person) || person.Circuits == 0)
            {
                return;
            }

            person.Circuits--;
            if (person.Circuits == 0)
            {
                person.Grace?.Dispose();
                var grace = TimeSpan.FromSeconds(Math.Max(0, options.CurrentValue.GraceSeconds));
                person.Grace = time.CreateTimer(_ => _ = GraceEndedAsync(userId), null, grace, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task GraceEndedAsync(string userId)
    {
        bool changed;
        lock (_gate)
        {
            changed = _people.TryGetValue(userId, out var person) && person.Circuits == 0 && person.Status != PresenceStatus.Offline;
            if (changed)
            {
                person!.Set(PresenceStatus.Offline, time.GetUtcNow().UtcDateTime);
                person.Grace?.Dispose();
                person.Grace = null;
            }
        }

        if (changed)
        {
            logger.LogInformation("User {UserId} went Offline: no open browser", userId);
            await notifier.PublishAsync(new PresenceChanged(userId, PresenceStatus.Offline));
        }
    }

    private async Task ChangeAsync(Actor actor, PresenceStatus status, Func<PresenceStatus, bool> when)
    {
        bool changed;
        lock (_gate)
        {
            var person = Track(actor);
            changed = person.Status != status && when(person.Status);
            if (changed)
            {
                person.Set(status, time.GetUtcNow().UtcDateTime);
            }
        }

        if (changed)
        {
            await notifier.PublishAsync(new PresenceChanged(actor.UserId, status));
        }
    }

    private async Task ChangeTrackedAsync(string userId, PresenceStatus status, Func<PresenceStatus, bool> when)
    {
        bool changed;
        lock (_gate)
        {
            changed = _people.TryGetValue(userId, out var person) && person.Status != status && when(person.Status);
            if (changed)
            {
                person!.Set(status, time.GetUtcNow().UtcDateTime);
            }
        }

        if (changed)
        {
            await notifier.PublishAsync(new PresenceChanged(userId, status));
        }
    }

    private Person Track(Actor actor)
    {
        if (!_people.TryGetValue(actor.UserId, out var person))
        {
            person = new Person(actor.UserId) { Since = time.GetUtcNow().UtcDateTime };
            _people[actor.UserId] = person;
        }

        person.Name = actor.DisplayName;
        person.Lines = actor.Lines;
        return person;
    }

    private static void EnsureWorksQueue(Actor actor)
    {
        if (!actor.WorksQueue)
        {
            throw new AccessDeniedException();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var person in _people.Values)
            {
                person.Grace?.Dispose();
            }
        }
    }

    private sealed class Person(string userId)
    {
        public string UserId { get; } = userId;

        public string Name { get; set; } = "";

        public IReadOnlySet<string> Lines { get; set; } = new HashSet<string>();

        public IReadOnlySet<string> Languages { get; set; } = new HashSet<string>();

        public PresenceStatus Status { get; private set; } = PresenceStatus.Offline;

        public DateTime Since { get; set; }

        public int Circuits { get; set; }

        public ITimer? Grace { get; set; }

        public void Set(PresenceStatus status, DateTime now)
        {
            Status = status;
            Since = now;
        }

        public PresenceView View() => new(UserId, Name, Lines, Status, Since) { Languages = Languages };
    }
}
