using Microsoft.Data.Sqlite;

namespace HelplineDashboard.Features.Health;

/// <summary>
/// Tells a passing storage fault (disk full, I/O error, database busy or not openable) from a bug. A passing fault
/// means "try again later": the API answers 503 with Retry-After and the dashboard shows that it is degraded.
/// </summary>
public static class StorageFailure
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;

    /// <summary>The SQLite fault inside <paramref name="exception"/> (or its inner exceptions) that will pass, or null.</summary>
    public static SqliteException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException sqlite && IsPassing(sqlite.SqliteErrorCode))
            {
                return sqlite;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }

    /// <summary>The primary result code (the low byte of an extended code) is one of FULL, IOERR, BUSY, LOCKED, CANTOPEN, READONLY.</summary>
    public static bool IsPassing(int sqliteErrorCode) =>
        (sqliteErrorCode & 0xFF) is Busy or Locked or ReadOnly or IoError or Full or CantOpen;

    /// <summary>A short, personal-data-free name for logs and the banner's detail.</summary>
    public static string Describe(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        Full => "disk full",
        IoError => "disk I/O error",
        Busy or Locked => "database busy",
        CantOpen => "database cannot be opened",
        ReadOnly => "database is read-only",
        _ => "storage error",
    };
}
