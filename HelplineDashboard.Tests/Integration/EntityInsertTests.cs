using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// The writers' model-driven inserts (<see cref="EntityInsert{T}"/>) store a row exactly as EF's <c>SaveChanges</c>
/// stores the same entity: every column, byte for byte, but the id.
/// </summary>
public sealed class EntityInsertTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private static readonly DateTime At = new(2026, 11, 23, 6, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public async Task A_case_inserted_by_the_claim_writers_statement_is_stored_as_SaveChanges_stores_it()
    {
        Case Opened() => new() { Line = "117", OwnerId = "insert-owner", OwnerName = "Айгерим «тест»", OpenedAt = At, Risk = RiskLevel.High };

        await AssertStoredAlikeAsync("Cases", Opened, (@case, id) => @case.Id = id, c => c.Id);
    }

    [Fact]
    public async Task An_audit_line_inserted_by_the_claim_writers_statement_is_stored_as_SaveChanges_stores_it()
    {
        var actor = new Actor("insert-actor", "Бакыт", new HashSet<string> { Roles.Counsellor }, new HashSet<string> { "111" }, "10.0.0.7");
        AuditEntry Line() => AuditTrail.Entry(At, actor, AuditAction.ContactClaimed, AuditTrail.Contact(42), "111", "opened case:7");

        await AssertStoredAlikeAsync("AuditEntries", Line, (line, id) => line.Id = id, l => l.Id);
    }

    private async Task AssertStoredAlikeAsync<T>(string table, Func<T> create, Action<T, long> setId, Func<T, long> idOf)
        where T : class
    {
        await using var db = factory.CreateDbContext();
        var saved = create();
        db.Add(saved);
        await db.SaveChangesAsync();

        var inserted = create();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await EntityInsert<T>.For(db, setId).InsertAsync(db, [inserted]);
            await transaction.CommitAsync();
        }

        Assert.NotEqual(0, idOf(inserted));
        Assert.NotEqual(idOf(saved), idOf(inserted));
        var rows = await ReadRowsAsync(db, table, idOf(saved), idOf(inserted));
        Assert.Equal(rows[0].Keys, rows[1].Keys);
        foreach (var column in rows[0].Keys.Where(c => c != "Id"))
        {
            Assert.True(Equals(rows[0][column], rows[1][column]), $"{table}.{column}: SaveChanges stored '{rows[0][column]}', the insert '{rows[1][column]}'");
        }
    }

    private static async Task<List<Dictionary<string, object?>>> ReadRowsAsync(DbContext db, string table, long first, long second)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"Id\" IN ($first, $second) ORDER BY \"Id\" = $second";
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$second", second);
        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        Assert.Equal(2, rows.Count);
        return rows;
    }
}
