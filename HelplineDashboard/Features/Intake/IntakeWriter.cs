using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Health;
using HelplineDashboard.Features.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Intake;

/// <summary>
/// The one writer of new contacts, on a <see cref="GroupCommit{TRequest, TAnswer}"/>: requests hand their prepared
/// contact over and wait; every contact waiting (up to <see cref="MaxBatch"/>) is written in one transaction — one fsync
/// with <c>synchronous = FULL</c> — and each request is answered only after that commit returned. A 201 therefore still
/// means "on disk". A storage fault (full disk, database unavailable) fails the whole batch at once with a 503 to
/// retry; any other fault fails only the contact that caused it. See docs/decisions/0009-intake-batching.md.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private const int MaxWaiting = 4096;
    private const int SqliteConstraintViolation = 19;

    private readonly IDbContextFactory<HelplineDbContext> _dbFactory;
    private readonly WriteGate _writeGate;
    private readonly QueueNotifier _notifier;
    private readonly ServiceHealth _health;
    private readonly ScreeningsUnderWay _screenings;
    private readonly TimeProvider _time;
    private readonly ILogger<IntakeWriter> _logger;
    private readonly Lazy<ContactRows> _rows;
    private readonly GroupCommit<ContactRow, WrittenContact> _commits;

    public IntakeWriter(
        IDbContextFactory<HelplineDbContext> dbFactory,
        WriteGate writeGate,
        QueueNotifier notifier,
        ServiceHealth health,
        ScreeningsUnderWay screenings,
        TimeProvider time,
        ILogger<IntakeWriter> logger)
    {
        _screenings = screenings;
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
        _commits = new GroupCommit<ContactRow, WrittenContact>(CommitAsync, MaxBatch, MaxWaiting, logger,
            failsWholeBatch: ex => StorageFailure.Find(ex) is not null);
    }

    /// <summary>
    /// Writes the contact unless its gateway and external id are already stored (or earlier in the same batch).
    /// Completes after the commit that holds it; throws the storage fault when that commit failed, and
    /// <see cref="GroupCommitClosedException"/> when the app is shutting down. Once handed over it is not cancelled by
    /// the caller: the commit goes ahead and a retry will find the contact. The contact's stored values are converted
    /// and encrypted here, on the caller's thread, so the writer's serial section only binds them.
    /// </summary>
    public Task<WrittenContact> WriteAsync(Contact contact, CancellationToken cancellationToken) =>
        _commits.SubmitAsync(_rows.Value.Prepare(contact), cancellationToken);

    /// <summary>On shutdown: stop taking contacts, write the ones already handed over, then return.</summary>
    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    private async Task<IReadOnlyList<WrittenContact>> CommitAsync(IReadOnlyList<ContactRow> batch)
    {
        try
        {
            var started = _time.GetTimestamp();
            var answers = await WriteWithRetryAsync(batch);
            _health.ReportStorageHealthy();

            // One line per batch, not per contact: under load a console line per contact cost more than its insert.
            var created = batch.Where((_, i) => answers[i].Outcome == IntakeOutcome.Created).Select(row => row.Contact).ToList();
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

            return answers;
        }
        catch (Exception ex) when (StorageFailure.Find(ex) is { } failure)
        {
            _health.ReportStorageFailure(failure);
            throw;
        }
        catch (Exception ex) when (batch.Count == 1)
        {
            _logger.LogError(ex, "Contact from gateway {Gateway} could not be written", batch[0].Contact.Gateway);
            throw;
        }
    }

    /// <summary>A unique-key clash means someone else wrote one of these keys first: read again and replay it.</summary>
    private async Task<WrittenContact[]> WriteWithRetryAsync(IReadOnlyList<ContactRow> batch)
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

    /// <summary>The answer of each row of the batch, in its order.</summary>
    private async Task<WrittenContact[]> WriteBatchAsync(IReadOnlyList<ContactRow> batch)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        var stored = await FindStoredAsync(db, batch);
        var now = _time.GetUtcNow().UtcDateTime;

        var leaders = new Dictionary<(string Gateway, string ExternalId), ContactRow>();
        var followers = new List<(int Follower, ContactRow Leader)>();
        var replays = new List<(int Index, Contact Stored)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var contact = batch[i].Contact;
            var key = (contact.Gateway, contact.ExternalId);
            if (stored.TryGetValue(key, out var existing))
            {
                replays.Add((i, existing));
            }
            else if (leaders.TryGetValue(key, out var leader))
            {
                followers.Add((i, leader));
            }
            else
            {
                leaders[key] = batch[i];
                contact.Id = 0;
                contact.ArrivedAt = now;
            }
        }

        var created = leaders.Values.Select(row => row.Contact).ToList();
        var positions = new Dictionary<long, int>();
        if (created.Count > 0)
        {
            // Reads only, before the write turn: the caller's earlier contacts and known risk, for the whole batch.
            var screeningsMark = _screenings.Mark();
            await CallerHistory.NoteAsync(db, created, CancellationToken.None);

            using var turn = await _writeGate.EnterAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (_screenings.AnySince(screeningsMark))
            {
                // A caller screened at a higher risk meanwhile: their new contact must not queue below it.
                await CallerHistory.RaiseToKnownRiskAsync(db, created, CancellationToken.None);
            }

            await _rows.Value.InsertAsync(db, [.. leaders.Values]);
            positions = await PositionsOfNewestAsync(db, created);
            await transaction.CommitAsync();
        }

        // Every answer below is about what the commit above made durable (or what was already stored).
        var answers = new WrittenContact[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (leaders.GetValueOrDefault((batch[i].Contact.Gateway, batch[i].Contact.ExternalId)) == batch[i])
            {
                answers[i] = new WrittenContact(IntakeOutcome.Created, batch[i].Contact, positions[batch[i].Contact.Id]);
            }
        }

        foreach (var (follower, leader) in followers)
        {
            answers[follower] = batch[follower].Contact.RequestFingerprint == leader.Contact.RequestFingerprint
                ? new WrittenContact(IntakeOutcome.Replayed, leader.Contact, positions[leader.Contact.Id])
                : new WrittenContact(IntakeOutcome.Conflict, leader.Contact, null);
        }

        foreach (var (index, existing) in replays)
        {
            answers[index] = batch[index].Contact.RequestFingerprint == existing.RequestFingerprint
                ? new WrittenContact(IntakeOutcome.Replayed, existing, null)
                : new WrittenContact(IntakeOutcome.Conflict, existing, null);
        }

        return answers;
    }

    private static async Task<Dictionary<(string Gateway, string ExternalId), Contact>> FindStoredAsync(HelplineDbContext db, IReadOnlyList<ContactRow> batch)
    {
        var gateways = batch.Select(row => row.Contact.Gateway).Distinct().ToList();
        var externalIds = batch.Select(row => row.Contact.ExternalId).Distinct().ToList();
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
}

/// <summary>
/// What the writer did with one contact: created it (with its queue position), found the same one already written
/// (position null when it must be read), or found a different body under the same external id.
/// </summary>
public sealed record WrittenContact(IntakeOutcome Outcome, Contact Contact, int? Position);
