using System.Threading.Channels;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Health;
using HelplineDashboard.Features.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Intake;

/// <summary>
/// The one writer of new contacts. Requests hand their prepared contact over and wait; the writer takes every
/// contact that is waiting (up to <see cref="MaxBatch"/>), writes them in one transaction — one fsync with
/// <c>synchronous = FULL</c> — and answers each request only after that commit returned. A 201 therefore still
/// means "on disk". See docs/decisions/0009-intake-batching.md.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private const int MaxWaiting = 4096;
    private const int SqliteConstraintViolation = 19;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    private readonly IDbContextFactory<HelplineDbContext> _dbFactory;
    private readonly WriteGate _writeGate;
    private readonly QueueNotifier _notifier;
    private readonly ServiceHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger<IntakeWriter> _logger;
    private readonly Channel<PendingContact> _pending = Channel.CreateBounded<PendingContact>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _loop;
    private readonly Lazy<ContactRows> _rows;

    public IntakeWriter(
        IDbContextFactory<HelplineDbContext> dbFactory,
        WriteGate writeGate,
        QueueNotifier notifier,
        ServiceHealth health,
        TimeProvider time,
        ILogger<IntakeWriter> logger)
    {
        _dbFactory = dbFactory;
        _writeGate = writeGate;
        _notifier = notifier;
        _health = health;
        _time = time;
        _logger = logger;
        _rows = new Lazy<ContactRows>(() =>
        {
            using var db = dbFactory.CreateDbContext();
            return ContactRows.For(db);
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Writes the contact unless its gateway and external id are already stored (or earlier in the same batch).
    /// Completes after the commit that holds it; throws the storage fault when that commit failed. The contact's stored
    /// values are converted and encrypted here, on the caller's thread, so the writer's serial section only binds them.
    /// </summary>
    public async Task<WrittenContact> WriteAsync(Contact contact, CancellationToken cancellationToken)
    {
        var pending = new PendingContact(_rows.Value.Prepare(contact));
        try
        {
            await _pending.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new IntakeClosedException(ex);
        }

        // Not cancelled by the caller once queued: the commit goes ahead and a retry will find the contact.
        return await pending.Done.Task;
    }

    /// <summary>On shutdown: stop taking contacts, write the ones already handed over, then return.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            _logger.LogError("Intake writer did not drain within {Timeout}", DrainTimeout);
        }
    }

    private async Task RunAsync()
    {
        var reader = _pending.Reader;
        var batch = new List<PendingContact>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var started = _time.GetTimestamp();
                var answers = await WriteWithRetryAsync(batch);
                _health.ReportStorageHealthy();

                // One line per batch, not per contact: under load a console line per contact cost more than its insert.
                var created = answers.Where(a => a.Written.Outcome == IntakeOutcome.Created).Select(a => a.Written.Contact).ToList();
                if (created.Count > 0)
                {
                    _logger.LogInformation("{Count} contacts queued, ids {FirstId} to {LastId}, durable in {Elapsed} ms",
                        created.Count, created.Min(c => c.Id), created.Max(c => c.Id), _time.GetElapsedTime(started).TotalMilliseconds);
                }

                // As before batching: the live queue hears of a contact before its gateway hears 201.
                foreach (var contact in created)
                {
                    _logger.LogDebug("Contact {ContactId} queued on line {Line} via {Channel}", contact.Id, contact.Line, contact.Channel);
                    await _notifier.PublishAsync(new ContactQueued(QueuedContact.From(contact)));
                }

                foreach (var (pending, written) in answers)
                {
                    pending.Done.TrySetResult(written);
                }
            }
            catch (Exception ex)
            {
                if (StorageFailure.Find(ex) is { } failure)
                {
                    _health.ReportStorageFailure(failure);
                }
                else
                {
                    _logger.LogError(ex, "Intake batch of {Count} failed", batch.Count);
                }

                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>A unique-key clash means someone else wrote one of these keys first: read again and replay it.</summary>
    private async Task<List<(PendingContact Pending, WrittenContact Written)>> WriteWithRetryAsync(List<PendingContact> batch)
    {
        try
        {
            return await WriteBatchAsync(batch);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraintViolation)
        {
            return await WriteBatchAsync(batch);
        }
    }

    private async Task<List<(PendingContact Pending, WrittenContact Written)>> WriteBatchAsync(List<PendingContact> batch)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        var stored = await FindStoredAsync(db, batch);
        var now = _time.GetUtcNow().UtcDateTime;

        var leaders = new Dictionary<(string Gateway, string ExternalId), PendingContact>();
        var followers = new List<(PendingContact Follower, PendingContact Leader)>();
        var replays = new List<(PendingContact Pending, Contact Stored)>();
        foreach (var pending in batch)
        {
            var contact = pending.Contact;
            var key = (contact.Gateway, contact.ExternalId);
            if (stored.TryGetValue(key, out var existing))
            {
                replays.Add((pending, existing));
            }
            else if (leaders.TryGetValue(key, out var leader))
            {
                followers.Add((pending, leader));
            }
            else
            {
                leaders[key] = pending;
                contact.Id = 0;
                contact.ArrivedAt = now;
            }
        }

        var created = leaders.Values.Select(p => p.Contact).ToList();
        var positions = new Dictionary<long, int>();
        if (created.Count > 0)
        {
            // Reads only, before the write turn: the caller's earlier contacts and known risk, for the whole batch.
            await CallerHistory.NoteAsync(db, created, CancellationToken.None);

            using var turn = await _writeGate.EnterAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await _rows.Value.InsertAsync(db, leaders.Values.Select(p => p.Row).ToList());
            positions = await PositionsOfNewestAsync(db, created);
            await transaction.CommitAsync();
        }

        // Every answer below is about what the commit above made durable (or what was already stored).
        var answers = new List<(PendingContact Pending, WrittenContact Written)>(batch.Count);
        answers.AddRange(leaders.Values.Select(p => (p, new WrittenContact(IntakeOutcome.Created, p.Contact, positions[p.Contact.Id]))));
        answers.AddRange(followers.Select(f => (f.Follower, f.Follower.Contact.RequestFingerprint == f.Leader.Contact.RequestFingerprint
            ? new WrittenContact(IntakeOutcome.Replayed, f.Leader.Contact, positions[f.Leader.Contact.Id])
            : new WrittenContact(IntakeOutcome.Conflict, f.Leader.Contact, null))));
        answers.AddRange(replays.Select(r => (r.Pending, r.Pending.Contact.RequestFingerprint == r.Stored.RequestFingerprint
            ? new WrittenContact(IntakeOutcome.Replayed, r.Stored, null)
            : new WrittenContact(IntakeOutcome.Conflict, r.Stored, null))));
        return answers;
    }

    private static async Task<Dictionary<(string Gateway, string ExternalId), Contact>> FindStoredAsync(HelplineDbContext db, List<PendingContact> batch)
    {
        var gateways = batch.Select(p => p.Contact.Gateway).Distinct().ToList();
        var externalIds = batch.Select(p => p.Contact.ExternalId).Distinct().ToList();
        var found = await db.Contacts.AsNoTracking()
            .Where(c => gateways.Contains(c.Gateway) && externalIds.Contains(c.ExternalId))
            .ToListAsync();
        return found.ToDictionary(c => (c.Gateway, c.ExternalId));
    }

    /// <summary>
    /// Queue positions of the contacts just inserted, from one grouped count per batch instead of a count per contact.
    /// They all arrived at the same instant after every contact already waiting, so a new contact's place is: all
    /// waiting contacts of its line in groups ahead of its own (higher risk; same risk but urgent when it is not),
    /// plus those of its own group, less the new ones of its group inserted after it.
    /// </summary>
    private static async Task<Dictionary<long, int>> PositionsOfNewestAsync(HelplineDbContext db, List<Contact> created)
    {
        var lines = created.Select(c => c.Line).Distinct().ToList();
        var groups = await db.Contacts
            .Where(c => c.Status == ContactStatus.Waiting && lines.Contains(c.Line))
            .GroupBy(c => new { c.Line, c.Risk, c.Urgent })
            .Select(g => new { g.Key.Line, g.Key.Risk, g.Key.Urgent, Count = g.Count() })
            .ToListAsync();

        var positions = new Dictionary<long, int>(created.Count);
        foreach (var contact in created)
        {
            var ahead = groups
                .Where(g => g.Line == contact.Line &&
                            (g.Risk > contact.Risk || (g.Risk == contact.Risk && g.Urgent && !contact.Urgent)))
                .Sum(g => g.Count);
            var ownGroup = groups
                .Where(g => g.Line == contact.Line && g.Risk == contact.Risk && g.Urgent == contact.Urgent)
                .Sum(g => g.Count);
            var newerInOwnGroup = created.Count(c =>
                c.Line == contact.Line && c.Risk == contact.Risk && c.Urgent == contact.Urgent && c.Id > contact.Id);
            positions[contact.Id] = ahead + ownGroup - newerInOwnGroup;
        }

        return positions;
    }

    private sealed class PendingContact(ContactRow row)
    {
        public ContactRow Row { get; } = row;

        public Contact Contact => Row.Contact;

        public TaskCompletionSource<WrittenContact> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// What the writer did with one contact: created it (with its queue position), found the same one already written
/// (position null when it must be read), or found a different body under the same external id.
/// </summary>
public sealed record WrittenContact(IntakeOutcome Outcome, Contact Contact, int? Position);

/// <summary>The app is shutting down and takes no new contacts; the gateway retries against the next instance.</summary>
public sealed class IntakeClosedException(Exception inner)
    : TemporarilyUnavailableException("Intake is closed: the app is shutting down.", inner);
