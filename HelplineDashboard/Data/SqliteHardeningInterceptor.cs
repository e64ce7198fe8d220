using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelplineDashboard.Data;

/// <summary>
/// Settings every connection needs: deleted content is overwritten (<c>secure_delete</c>), so erased survivor data
/// does not linger in free pages; every commit is on disk before it is acknowledged (<c>synchronous = FULL</c>, said
/// explicitly rather than left to the build's default); and a writer that finds the database busy waits inside SQLite
/// (<c>busy_timeout</c>, short back-off steps) instead of Microsoft.Data.Sqlite's fixed 150 ms sleep on a pool thread.
/// Reads of the database file go through a memory map (<c>mmap_size</c>, up to <see cref="MemoryMapBytes"/>): in WAL
/// mode every commit empties the other connections' page caches, and re-reading each page with a <c>pread</c> was a
/// large share of a claim's CPU on this kind of virtual machine. Writes still go through <c>pwrite</c>, so a full disk is still
/// SQLITE_FULL, never a signal (docs/decisions/0027-memory-mapped-reads.md).
/// </summary>
public sealed class SqliteHardeningInterceptor : DbConnectionInterceptor
{
    /// <summary>1 GiB of address space per connection; pages are the OS's file cache, shared by all connections.</summary>
    public const long MemoryMapBytes = 1L << 30;

    private static readonly string Pragmas =
        $"PRAGMA secure_delete = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA mmap_size = {MemoryMapBytes};";

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
