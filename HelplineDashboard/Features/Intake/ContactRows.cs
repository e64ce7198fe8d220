using System.Data.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HelplineDashboard.Features.Intake;

/// <summary>
/// Inserts the intake writer's new contacts with one prepared <c>INSERT … RETURNING "Id"</c> run once per contact,
/// instead of EF change tracking (attach, detect changes, one command built per entity). Columns, names and value
/// conversions come from the EF model — the same type mappings EF uses, so <see cref="Contact.From"/> and
/// <see cref="Contact.Message"/> are encrypted by their <c>FieldProtector</c> converters and enums and times are stored
/// exactly as EF stores them.
/// <para>
/// A row is converted in two steps. <see cref="Prepare"/> runs on the request's own thread, in parallel with other
/// requests: it converts every column the writer does not fill — including the two field encryptions, the most
/// expensive part of a row — into the stored values. <see cref="InsertAsync"/> runs in the writer's serial section and
/// only converts the columns the batch decides (<see cref="WriterFilled"/>: arrival time, caller history, risk), binds
/// and executes. See docs/decisions/0012-intake-cpu.md and 0017-intake-serial-section.md.
/// </para>
/// </summary>
public sealed class ContactRows
{
    /// <summary>Columns whose values the writer sets for the whole batch, so they are converted only at insert time.</summary>
    public static readonly IReadOnlySet<string> WriterFilled = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Contact.ArrivedAt), nameof(Contact.Risk), nameof(Contact.EarlierContacts), nameof(Contact.LastContactAt),
    };

    private readonly string _insertSql;
    private readonly ContactColumn[] _prepared;
    private readonly ContactColumn[] _filled;

    private ContactRows(string insertSql, ContactColumn[] prepared, ContactColumn[] filled)
    {
        _insertSql = insertSql;
        _prepared = prepared;
        _filled = filled;
    }

    /// <summary>The insert for the model of <paramref name="db"/>: build once, use for every batch.</summary>
    public static ContactRows For(HelplineDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Contact))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never && !p.IsPrimaryKey())
            .Select((p, i) => new ContactColumn(
                p, p.GetColumnName(table)!, "@p" + i, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter()))
            .ToList();
        var insertSql =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))}) RETURNING {sql.DelimitIdentifier(key.GetColumnName())}";
        return new ContactRows(
            insertSql,
            columns.Where(c => !WriterFilled.Contains(c.Property.Name)).ToArray(),
            columns.Where(c => WriterFilled.Contains(c.Property.Name)).ToArray());
    }

    /// <summary>
    /// Converts (and encrypts) every column of <paramref name="contact"/> but the <see cref="WriterFilled"/> ones, now.
    /// Call it on the request's thread once the contact's fields are final; later changes to them are not stored.
    /// </summary>
    public ContactRow Prepare(Contact contact)
    {
        using var scratch = new SqliteCommand();
        var parameters = new DbParameter[_prepared.Length];
        for (var i = 0; i < _prepared.Length; i++)
        {
            parameters[i] = _prepared[i].CreateParameter(scratch, contact);
        }

        return new ContactRow(contact, parameters);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> in list order (so ids ascend with it) inside the writer's open transaction and
    /// sets each contact's id.
    /// </summary>
    public async Task InsertAsync(HelplineDbContext db, IReadOnlyList<ContactRow> rows)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Contacts are inserted inside the intake writer's transaction.");

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _insertSql;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            command.Parameters.AddRange(row.Parameters);
            foreach (var column in _filled)
            {
                command.Parameters.Add(column.CreateParameter(command, row.Contact));
            }

            row.Contact.Id = Convert.ToInt64(await command.ExecuteScalarAsync());
        }
    }

    private sealed record ContactColumn(IProperty Property, string Column, string Parameter, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    {
        /// <summary>EF's own parameter for the value: the converter (encryption, enum as text, UTC time) runs here.</summary>
        public DbParameter CreateParameter(DbCommand command, Contact contact) =>
            Mapping.CreateParameter(command, Parameter, Getter.GetClrValue(contact), Property.IsNullable);
    }
}

/// <summary>A new contact and its stored values, converted and encrypted on the request's thread (see <see cref="ContactRows.Prepare"/>).</summary>
public sealed class ContactRow(Contact contact, DbParameter[] parameters)
{
    public Contact Contact { get; } = contact;

    internal DbParameter[] Parameters { get; } = parameters;
}
