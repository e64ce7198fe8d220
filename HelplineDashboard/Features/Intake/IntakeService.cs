using System.Text.Json;
using HelplineDashboard.Data;
using HelplineDashboard.Data.Protection;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Intake;

/// <summary>
/// Puts contacts into the queue. Every contact, from a gateway or the simulator, arrives through here:
/// it is written once per gateway and external id, then published to the live queue.
/// </summary>
public sealed class IntakeService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    CallerKeyHasher callerKeys,
    IntakeWriter writer,
    QueueNotifier notifier,
    TimeProvider time,
    ILogger<IntakeService> logger)
{
    /// <summary>
    /// Builds the contact on the request's own thread (caller key, fingerprint), then hands it to the
    /// <see cref="IntakeWriter"/>, which notes the caller's history for the whole batch, commits it with others and
    /// answers once that batch is on disk.
    /// </summary>
    public async Task<IntakeResult> SubmitAsync(string gateway, ValidIntake intake, CancellationToken cancellationToken = default)
    {
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
            RequestFingerprint = callerKeys.Hash(JsonSerializer.SerializeToUtf8Bytes(intake)),
        };

        var written = await writer.WriteAsync(contact, cancellationToken);
        if (written is { Outcome: IntakeOutcome.Replayed, Position: null })
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return new IntakeResult(IntakeOutcome.Replayed, written.Contact.Id, written.Contact.Status,
                await PositionAsync(db, written.Contact, cancellationToken));
        }

        return new IntakeResult(written.Outcome, written.Contact.Id, written.Contact.Status, written.Position);
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
