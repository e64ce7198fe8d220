using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Wallboard;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Reports;

/// <summary>
/// The counts of <see cref="ContactMetrics.Tally"/> as SQL aggregates over contacts aliased <c>c</c>, for the report and
/// the wallboard (docs/decisions/0016-report-grouping-in-sqlite.md). Waits are compared in whole ticks against the
/// line's thresholds, as the TimeSpan comparisons of the tally. No survivor column is read.
/// </summary>
public static class ContactCountsSql
{
    private static readonly string Wait = $"""{SqliteTime.Ticks("c.\"ClaimedAt\"")} - {SqliteTime.Ticks("c.\"ArrivedAt\"")}""";
    private const string Answered = """c."Status" = $claimed AND c."ClaimedAt" IS NOT NULL""";

    /// <summary>Six columns: contacts, answered, abandoned (short ones included), short abandons, answered within the service level, answer ticks.</summary>
    public static readonly string Columns =
        $"""
        COUNT(*),
          SUM(CASE WHEN {Answered} THEN 1 ELSE 0 END),
          SUM(CASE WHEN c."Status" = $abandoned THEN 1 ELSE 0 END),
          SUM(CASE WHEN c."Status" = $abandoned AND c."AbandonedAt" IS NOT NULL AND {SqliteTime.Ticks("c.\"AbandonedAt\"")} - {SqliteTime.Ticks("c.\"ArrivedAt\"")} < $shortAbandon THEN 1 ELSE 0 END),
          SUM(CASE WHEN {Answered} AND {Wait} <= $serviceLevel THEN 1 ELSE 0 END),
          SUM(CASE WHEN {Answered} THEN max({Wait}, 0) ELSE 0 END)
        """;

    /// <summary>A command on the context's connection (opened until the context goes) with <c>$line</c> and the parameters <see cref="Columns"/> uses.</summary>
    public static async Task<SqliteCommand> CommandAsync(HelplineDbContext db, string line, LineThresholds limits, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$line", line);
        command.Parameters.AddWithValue("$claimed", nameof(ContactStatus.Claimed));
        command.Parameters.AddWithValue("$abandoned", nameof(ContactStatus.Abandoned));
        command.Parameters.AddWithValue("$serviceLevel", limits.ServiceLevel.Ticks);
        command.Parameters.AddWithValue("$shortAbandon", limits.ShortAbandon.Ticks);
        return command;
    }

    /// <summary>The counts from <see cref="Columns"/> read at <paramref name="first"/>; a short abandon counts in neither offered nor abandoned.</summary>
    public static ContactCounts Read(SqliteDataReader reader, int first)
    {
        var count = reader.GetInt32(first);
        var abandoned = reader.GetInt32(first + 2);
        var shortAbandoned = reader.GetInt32(first + 3);
        return new ContactCounts(count - shortAbandoned, reader.GetInt32(first + 1), abandoned - shortAbandoned, shortAbandoned, reader.GetInt32(first + 4), reader.GetInt64(first + 5));
    }
}
