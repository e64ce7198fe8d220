using System.Text.Json;
using HelplineDashboard.Data;
using HelplineDashboard.Data.Protection;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Intake;

/// <summary>
/// Puts contacts into the queue. Every contact, from a gateway or the simulator, arrives through here:
/// it is written once per gateway and external id, then published to the live queue.
/// </summary>
public sealed class IntakeService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    CallerKeyHasher callerKeys,
    QueueNotifier notifier,
    TimeProvider time,
    ILogger<IntakeService> logger)
{
    private const int SqliteConstraintViolation = 19;

    public async Task<IntakeResult> SubmitAsync(string gateway, ValidIntake intake, CancellationToken cancellationToken = default)
    {
        var fingerprint = callerKeys.Hash(JsonSerializer.SerializeToUtf8Bytes(intake));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var existing = await FindAsync(db, gateway, intake.ExternalId, cancellationToken);
        if (existing is not null)
        {
            return await ReplayAsync(db, existing, fingerprint, cancellationToken);
        }

        var contact = new Contact
        {
            Line = intake.Line,
            Channel = intake.Channel,
            Gateway = gateway,
            ExternalId = intake.ExternalId,
            From = intake.From,
            CallerKey = callerKeys.Hash(intake.From),
            Language = intake.Language,
            Message = intake.Message,
            Region = intake.Region,
            Urgent = intake.Urgent,
            ArrivedAt = time.GetUtcNow().UtcDateTime,
            RequestFingerprint = fingerprint,
        };
        await CallerHistory.NoteAsync(db, contact, cancellationToken);
        db.Contacts.Add(contact);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: SqliteConstraintViolation })
        {
            // A retry of the same contact raced this one and landed first.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(db, gateway, intake.ExternalId, cancellationToken)
                ?? throw new InvalidOperationException("Unique constraint failed but no contact was found.", ex);
            return await ReplayAsync(db, winner, fingerprint, cancellationToken);
        }

        logger.LogInformation("Contact {ContactId} queued on line {Line} via {Channel}", contact.Id, contact.Line, contact.Channel);
        await notifier.PublishAsync(new ContactQueued(QueuedContact.From(contact)));
        var position = await PositionAsync(db, contact, cancellationToken);
        return new IntakeResult(IntakeOutcome.Created, contact.Id, contact.Status, position);
    }

    /// <summary>The caller hung up before anyone answered.</summary>
    public async Task<AbandonResult> AbandonAsync(string gateway, string externalId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var left = await db.Contacts
            .Where(c => c.Gateway == gateway && c.ExternalId == externalId && c.Status == ContactStatus.Waiting)
            .ExecuteUpdateAsync(
                update => update.SetProperty(c => c.Status, ContactStatus.Abandoned).SetProperty(c => c.AbandonedAt, now),
                cancellationToken);

        var contact = await FindAsync(db, gateway, externalId, cancellationToken);
        if (contact is null)
        {
            return new AbandonResult(AbandonOutcome.NotFound, null);
        }

        if (left == 1)
        {
            logger.LogInformation("Contact {ContactId} abandoned before a claim", contact.Id);
            await notifier.PublishAsync(new ContactAbandoned(contact.Id, contact.Line, now));
            return new AbandonResult(AbandonOutcome.Abandoned, contact.Id);
        }

        return contact.Status == ContactStatus.Abandoned
            ? new AbandonResult(AbandonOutcome.Abandoned, contact.Id)
            : new AbandonResult(AbandonOutcome.AlreadyClaimed, contact.Id);
    }

    /// <summary>Status and queue position of a gateway's own contact.</summary>
    public async Task<IntakeResult?> GetAsync(string gateway, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Gateway == gateway, cancellationToken);
        return contact is null
            ? null
            : new IntakeResult(IntakeOutcome.Replayed, contact.Id, contact.Status, await PositionAsync(db, contact, cancellationToken));
    }

    private static Task<Contact?> FindAsync(HelplineDbContext db, string gateway, string externalId, CancellationToken cancellationToken) =>
        db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Gateway == gateway && c.ExternalId == externalId, cancellationToken);

    private static async Task<IntakeResult> ReplayAsync(HelplineDbContext db, Contact existing, string fingerprint, CancellationToken cancellationToken) =>
        existing.RequestFingerprint == fingerprint
            ? new IntakeResult(IntakeOutcome.Replayed, existing.Id, existing.Status, await PositionAsync(db, existing, cancellationToken))
            : new IntakeResult(IntakeOutcome.Conflict, existing.Id, existing.Status, null);

    /// <summary>1-based place in its line's queue, or null when the contact no longer waits.</summary>
    private static async Task<int?> PositionAsync(HelplineDbContext db, Contact contact, CancellationToken cancellationToken)
    {
        if (contact.Status != ContactStatus.Waiting)
        {
            return null;
        }

        var ahead = await db.Contacts.CountAsync(
            c => c.Status == ContactStatus.Waiting && c.Line == contact.Line && c.Id != contact.Id &&
                 (c.Risk > contact.Risk ||
                  (c.Risk == contact.Risk && c.Urgent && !contact.Urgent) ||
                  (c.Risk == contact.Risk && c.Urgent == contact.Urgent &&
                   (c.ArrivedAt < contact.ArrivedAt || (c.ArrivedAt == contact.ArrivedAt && c.Id < contact.Id)))),
            cancellationToken);
        return ahead + 1;
    }

}

public enum IntakeOutcome
{
    Created,
    Replayed,
    Conflict,
}

public sealed record IntakeResult(IntakeOutcome Outcome, long Id, ContactStatus Status, int? Position);

public enum AbandonOutcome
{
    Abandoned,
    AlreadyClaimed,
    NotFound,
}

public sealed record AbandonResult(AbandonOutcome Outcome, long? Id);
