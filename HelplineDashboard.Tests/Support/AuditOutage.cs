using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Support;

/// <summary>
/// The audit log refuses lines, made real: a SQLite trigger aborts every insert into <c>AuditEntries</c> of one action
/// (and, when given, one subject) until the outage is disposed.
/// </summary>
public sealed class AuditOutage : IAsyncDisposable
{
    private static int _next;
    private readonly HelplineAppFactory _factory;
    private readonly string _trigger;

    private AuditOutage(HelplineAppFactory factory, string trigger)
    {
        _factory = factory;
        _trigger = trigger;
    }

    public static async Task<AuditOutage> BeginAsync(HelplineAppFactory factory, Features.Audit.AuditAction action, string? subject = null)
    {
        var outage = new AuditOutage(factory, $"audit_down_{Interlocked.Increment(ref _next)}");

        // The action is an enum name and the subject a record id the test made, not input: DDL takes no parameters.
        var when = $"NEW.Action = '{action}'" + (subject is null ? "" : $" AND NEW.Subject = '{subject}'");
        var create = $"CREATE TRIGGER {outage._trigger} BEFORE INSERT ON AuditEntries WHEN {when} BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END";
        await using var db = factory.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(create);
        return outage;
    }

    public async ValueTask DisposeAsync()
    {
        var drop = $"DROP TRIGGER {_trigger}";
        await using var db = _factory.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(drop);
    }
}
