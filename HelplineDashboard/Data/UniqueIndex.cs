using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Data;

/// <summary>Tells a unique index refusing a record apart from any other failed write in the same save (its audit line).</summary>
public static class UniqueIndex
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE: a unique index (or key) refused the row.</summary>
    private const int SqliteConstraintUnique = 2067;

    /// <summary>True when a unique index refused a <typeparamref name="TEntity"/> row; false for any other failure.</summary>
    public static bool Refused<TEntity>(DbUpdateException failure) =>
        failure.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique }
        && failure.Entries.Any(entry => entry.Entity is TEntity);
}
