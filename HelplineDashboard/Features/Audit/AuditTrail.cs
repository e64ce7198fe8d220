using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;

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

    public static string Case(long id) => $"case:{id}";

    public static string Contact(long id) => $"contact:{id}";

    public static string Escalation(Guid id) => $"escalation:{id}";
}
