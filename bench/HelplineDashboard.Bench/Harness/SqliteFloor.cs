using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// The raw floor of this disk: one connection inserting one contact-sized row per transaction (BEGIN; INSERT;
/// COMMIT) into a fresh WAL database, with the app's Contacts columns and indexes, for a fixed time.
/// </summary>
public static class SqliteFloor
{
    private const string Schema =
        """
        PRAGMA journal_mode=WAL;
        CREATE TABLE Contacts (
            Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, Line TEXT NOT NULL, Channel TEXT NOT NULL, Gateway TEXT NOT NULL,
            ExternalId TEXT NOT NULL, "From" TEXT NOT NULL, Language TEXT NOT NULL, Message TEXT NULL, Region TEXT NULL,
            Urgent INTEGER NOT NULL, Risk INTEGER NOT NULL, Status TEXT NOT NULL, ArrivedAt TEXT NOT NULL, ClaimedAt TEXT NULL,
            ClaimedById TEXT NULL, ClaimedByName TEXT NULL, AbandonedAt TEXT NULL, CaseId INTEGER NULL, RequestFingerprint TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_Contacts_Gateway_ExternalId ON Contacts (Gateway, ExternalId);
        CREATE INDEX IX_Contacts_Status_Line_Risk_ArrivedAt ON Contacts (Status, Line, Risk, ArrivedAt);
        """;

    private const string Insert =
        """
        INSERT INTO Contacts (Line, Channel, Gateway, ExternalId, "From", Language, Message, Region, Urgent, Risk, Status, ArrivedAt, RequestFingerprint)
        VALUES ($line, $channel, 'bench', $externalId, $from, $language, $message, $region, $urgent, 0, 'Waiting', $arrivedAt, $fingerprint);
        """;

    /// <summary>Committed rows per second with <c>PRAGMA synchronous=<paramref name="synchronous"/></c>.</summary>
    public static double RowsPerSecond(string folder, string synchronous, TimeSpan duration)
    {
        var path = Path.Combine(folder, $"floor-{synchronous.ToLowerInvariant()}.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, Schema);
        Execute(connection, $"PRAGMA synchronous={synchronous};");

        using var insert = connection.CreateCommand();
        insert.CommandText = Insert;
        var parameters = new[] { "$line", "$channel", "$externalId", "$from", "$language", "$message", "$region", "$urgent", "$arrivedAt", "$fingerprint" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();
        insert.Prepare();

        var fingerprint = new string('A', 64);
        long rows = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var contact = ContactBodies.Contact("floor", ++rows);
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            object[] values =
            [
                contact.Line, contact.Channel, contact.ExternalId, contact.From, contact.Language, contact.Message,
                contact.Region, contact.Urgent, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"), fingerprint,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }

            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Reads an app database read-only, after the app has stopped.</summary>
public static class DatabaseProbe
{
    /// <summary>
    /// <c>journal_mode</c> is stored in the file. <c>synchronous</c> is per connection and the app never sets it, so a
    /// fresh connection of the same SQLite build (after it has seen the WAL file) shows what the app's connections ran with.
    /// </summary>
    public static (string JournalMode, string Synchronous, string CompileDefaults, long Rows) Read(string path, string gateway)
    {
        using var connection = OpenReadOnly(path);
        var journal = Scalar(connection, "PRAGMA journal_mode;");
        var synchronous = Scalar(connection, "PRAGMA synchronous;") switch
        {
            "0" => "OFF (0)",
            "1" => "NORMAL (1)",
            "2" => "FULL (2)",
            "3" => "EXTRA (3)",
            var other => other,
        };
        var defaults = new List<string>();
        using (var options = connection.CreateCommand())
        {
            options.CommandText = "PRAGMA compile_options;";
            using var reader = options.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetString(0).Contains("SYNCHRONOUS", StringComparison.Ordinal))
                {
                    defaults.Add(reader.GetString(0));
                }
            }
        }

        var rows = Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM Contacts WHERE Gateway = '{gateway}';"), System.Globalization.CultureInfo.InvariantCulture);
        return (journal, synchronous, defaults.Count > 0 ? string.Join(", ", defaults) : "none (SQLite's default FULL)", rows);
    }

    /// <summary>One number from the app's database, read-only, after the app has stopped.</summary>
    public static long Count(string path, string sql)
    {
        using var connection = OpenReadOnly(path);
        return Convert.ToInt64(Scalar(connection, sql), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
