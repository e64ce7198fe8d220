using System.Data.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
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
/// exactly as EF stores them. Runs inside the caller's open transaction. See docs/decisions/0012-intake-cpu.md.
/// </summary>
public static class ContactRows
{
    /// <summary>Inserts <paramref name="contacts"/> in list order (so ids ascend with it) and sets each one's id.</summary>
    public static async Task InsertAsync(HelplineDbContext db, IReadOnlyList<Contact> contacts)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Contacts are inserted inside the intake writer's transaction.");
        var columns = Columns(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = db.Model.FindEntityType(typeof(Contact))!.FindPrimaryKey()!.Properties.Single();

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(columns.Table)} ({string.Join(", ", columns.Properties.Select(c => sql.DelimitIdentifier(c.Column)))}) " +
            $"VALUES ({string.Join(", ", columns.Properties.Select((_, i) => "@p" + i))}) RETURNING {sql.DelimitIdentifier(key.GetColumnName())}";
        foreach (var contact in contacts)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Properties.Count; i++)
            {
                var column = columns.Properties[i];
                command.Parameters.Add(column.Mapping.CreateParameter(
                    command, "@p" + i, column.Property.GetGetter().GetClrValue(contact), column.Property.IsNullable));
            }

            contact.Id = Convert.ToInt64(await command.ExecuteScalarAsync());
        }
    }

    private static ContactColumns Columns(HelplineDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Contact))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never && !p.IsPrimaryKey())
            .Select(p => new ContactColumn(p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        return new ContactColumns(table.Name, properties);
    }

    private sealed record ContactColumns(string Table, List<ContactColumn> Properties);

    private sealed record ContactColumn(IProperty Property, string Column, RelationalTypeMapping Mapping);
}
