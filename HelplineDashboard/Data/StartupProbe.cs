using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HelplineDashboard.Data;

/// <summary>
/// Reads, on one plain SQLite connection and without Entity Framework, whether the database already holds everything
/// start-up makes sure of: every migration of this build applied, WAL journalling, no plain-text survivor data left,
/// and what the callers add (roles, demo accounts). Building EF's model, its migrator and its first queries is most of
/// a cold start, and on a restart they find nothing to do; when this answers yes start-up skips them, otherwise it
/// takes the full path (docs/decisions/0014-cold-start-fast-path.md).
/// </summary>
public sealed class StartupProbe : IAsyncDisposable
{
    private const string HistoryTable = HistoryRepository.DefaultTableName;

    private static readonly Lazy<IReadOnlyList<string>> BuiltMigrations = new(FindBuiltMigrations);

    private readonly SqliteConnection _connection;

    private StartupProbe(SqliteConnection connection) => _connection = connection;

    /// <summary>The ids of the migrations compiled into this build, as EF's migrations assembly finds them.</summary>
    public static IReadOnlyList<string> MigrationIds => BuiltMigrations.Value;

    /// <summary>Opens the database file, or answers null when there is none to read (new, or in memory): take the full path.</summary>
    public static async Task<StartupProbe?> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            || !File.Exists(builder.DataSource))
        {
            return null;
        }

        builder.Mode = SqliteOpenMode.ReadWrite; // never creates the file
        builder.Pooling = false;                 // no handle left open once start-up has looked
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return new StartupProbe(connection);
    }

    /// <summary>True when the history table lists every migration of this build and the file is in WAL mode.</summary>
    public async Task<bool> SchemaIsCurrentAsync(CancellationToken cancellationToken)
    {
        if (!await AnyAsync("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $p0", [HistoryTable], cancellationToken)
            || !string.Equals(await ScalarAsync("PRAGMA journal_mode", [], cancellationToken) as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"""SELECT "MigrationId" FROM "{HistoryTable}" """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return MigrationIds.All(applied.Contains);
    }

    /// <summary>True when <paramref name="sql"/> returns a row.</summary>
    public async Task<bool> AnyAsync(string sql, IReadOnlyList<string> values, CancellationToken cancellationToken) =>
        await ScalarAsync(sql, values, cancellationToken) is not null;

    /// <summary>How many rows <paramref name="sql"/> counts; its parameters are <c>$p0</c>, <c>$p1</c>, … in order.</summary>
    public async Task<long> CountAsync(string sql, IReadOnlyList<string> values, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(sql, values, cancellationToken));

    /// <summary><c>$p0, $p1, …</c> for an <c>IN (…)</c> list of <paramref name="count"/> values.</summary>
    public static string Parameters(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"$p{i}"));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<object?> ScalarAsync(string sql, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", values[i]);
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static IReadOnlyList<string> FindBuiltMigrations() =>
        typeof(HelplineDbContext).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Migration))
                && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(HelplineDbContext))
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
}
