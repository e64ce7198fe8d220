using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelplineDashboard.Data;

/// <summary>
/// Settings every connection needs: deleted content is overwritten (<c>secure_delete</c>), so erased survivor data
/// does not linger in free pages; every commit is on disk before it is acknowledged (<c>synchronous = FULL</c>, said
/// explicitly rather than left to the build's default); and a writer that finds the database busy waits inside SQLite
/// (<c>busy_timeout</c>, short back-off steps) instead of Microsoft.Data.Sqlite's fixed 150 ms sleep on a pool thread.
/// </summary>
public sealed class SqliteHardeningInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA secure_delete = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
