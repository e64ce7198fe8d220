using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HelplineDashboard.Data;

/// <summary>
/// A prepared <c>INSERT … RETURNING "Id"</c> for new rows of one entity type, built from the EF model: table, columns
/// and value conversions are EF's own (<c>RelationalTypeMapping.CreateParameter</c>), so encrypted fields, enums as text
/// and UTC times are stored exactly as <c>SaveChanges</c> stores them, and a column added to the entity is inserted
/// without touching this code. For writers that insert many rows inside their own transaction and do not need change
/// tracking (the intake and claim writers). Build once per model, use for every batch.
/// See docs/decisions/0012-intake-cpu.md.
/// </summary>
public sealed class EntityInsert<T>
    where T : class
{
    private readonly Action<T, long> _setId;

    private EntityInsert(string sql, IReadOnlyList<EntityColumn<T>> columns, Action<T, long> setId)
    {
        Sql = sql;
        Columns = columns;
        _setId = setId;
    }

    /// <summary>The statement; its parameters are the <see cref="Columns"/>' names.</summary>
    public string Sql { get; }

    /// <summary>Every stored column but the generated key, in the statement's order.</summary>
    public IReadOnlyList<EntityColumn<T>> Columns { get; }

    public static EntityInsert<T> For(DbContext db, Action<T, long> setId)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never && !p.IsPrimaryKey() && !p.IsShadowProperty())
            .Select((p, i) => new EntityColumn<T>(p, p.GetColumnName(table)!, "@p" + i, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter()))
            .ToList();
        var insertSql =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))}) RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        return new EntityInsert<T>(insertSql, columns, setId);
    }

    /// <summary>Inserts <paramref name="rows"/> in list order inside the open transaction of <paramref name="db"/> and sets their ids.</summary>
    public Task InsertAsync(DbContext db, IReadOnlyList<T> rows) =>
        InsertAsync(db, rows, row => row, (command, row) =>
        {
            foreach (var column in Columns)
            {
                command.Parameters.Add(column.CreateParameter(command, row));
            }
        });

    /// <summary>Inserts <paramref name="rows"/> in list order, <paramref name="bind"/> giving each row's parameters, and sets the ids of their entities.</summary>
    public async Task InsertAsync<TRow>(DbContext db, IReadOnlyList<TRow> rows, Func<TRow, T> entityOf, Action<DbCommand, TRow> bind)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"New {typeof(T).Name} rows are inserted inside the writer's transaction.");

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            bind(command, row);
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            _setId(entityOf(row), id);
        }
    }
}

/// <summary>One stored column of <typeparamref name="T"/>: EF's parameter for its value runs the converter (encryption, enum as text, UTC time).</summary>
public sealed record EntityColumn<T>(IProperty Property, string Column, string Parameter, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    where T : class
{
    public DbParameter CreateParameter(DbCommand command, T row) =>
        Mapping.CreateParameter(command, Parameter, Getter.GetClrValue(row), Property.IsNullable);
}
