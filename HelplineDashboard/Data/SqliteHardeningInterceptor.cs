using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelplineDashboard.Data;

/// <summary>Every connection overwrites deleted content with zeros (<c>PRAGMA secure_delete</c>), so erased survivor data does not linger in free pages.</summary>
public sealed class SqliteHardeningInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA secure_delete = ON;";

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
