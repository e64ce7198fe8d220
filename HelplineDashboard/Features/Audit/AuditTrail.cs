using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Audit;

/// <summary>
/// Adds audit entries to the unit of work of the change they describe, so the change and its audit line are saved
/// in the same transaction: no change without its entry, no entry for a change that failed.
/// </summary>
public static class AuditTrail
{
    public const int MaxDetailLength = 500;

    public static void Record(HelplineDbContext db, DateTime at, Actor actor, AuditAction action, string? subject, string? line, string? detail = null) =>
        db.AuditEntries.Add(Entry(at, actor, action, subject, line, detail));

    /// <summary>The audit line <see cref="Record"/> adds, for a writer that inserts its lines itself.</summary>
    public static AuditEntry Entry(DateTime at, Actor actor, AuditAction action, string? subject, string? line, string? detail = null) =>
        new()
        {
            At = at,
            Action = action,
            ActorId = actor.UserId,
            ActorName = actor.DisplayName,
            Subject = subject,
            Line = line,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            Address = actor.Address,
        };

    /// <summary>
    /// A settings change (accounts, keys, thresholds, the directory) as a line in the caller's own unit of work, so
    /// the one <c>SaveChangesAsync</c> (or transaction) that saves the change saves its line too.
    /// </summary>
    public static void SettingsChanged(HelplineDbContext db, DateTime at, Actor actor, string subject, string detail) =>
        Record(db, at, actor, AuditAction.SettingsChanged, subject, null, $"{subject}: {detail}");

    /// <summary>
    /// Saves the pending changes, then the audit line that <paramref name="recordLine"/> adds (it may name the ids
    /// just given), in one transaction: the record and its line land together or neither does.
    /// </summary>
    public static Task SaveWithLineAsync(HelplineDbContext db, Action recordLine, CancellationToken cancellationToken) =>
        WriteWithLineAsync(db, db.SaveChangesAsync, recordLine, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> (statements such as a conditional <c>ExecuteUpdateAsync</c>, or a save; it throws
    /// to refuse), then adds the audit line and saves it, in one transaction. Joins the caller's transaction when one is
    /// open (the caller commits); otherwise opens and commits its own. A failed audit write rolls the record back.
    /// </summary>
    public static async Task WriteWithLineAsync(HelplineDbContext db, Func<CancellationToken, Task> write, Action recordLine, CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await write(cancellationToken);
        recordLine();
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }

    public static string Case(long id) => $"case:{id}";

    public static string Contact(long id) => $"contact:{id}";

    public static string Escalation(Guid id) => $"escalation:{id}";
}
