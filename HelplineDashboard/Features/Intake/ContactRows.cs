using System.Data.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using Microsoft.Data.Sqlite;

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

    private readonly EntityInsert<Contact> _insert;
    private readonly EntityColumn<Contact>[] _prepared;
    private readonly EntityColumn<Contact>[] _filled;

    private ContactRows(EntityInsert<Contact> insert)
    {
        _insert = insert;
        _prepared = [.. insert.Columns.Where(c => !WriterFilled.Contains(c.Property.Name))];
        _filled = [.. insert.Columns.Where(c => WriterFilled.Contains(c.Property.Name))];
    }

    /// <summary>The insert for the model of <paramref name="db"/>: build once, use for every batch.</summary>
    public static ContactRows For(HelplineDbContext db) => new(EntityInsert<Contact>.For(db, (contact, id) => contact.Id = id));

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
    public Task InsertAsync(HelplineDbContext db, IReadOnlyList<ContactRow> rows) =>
        _insert.InsertAsync(db, rows, row => row.Contact, (command, row) =>
        {
            command.Parameters.AddRange(row.Parameters);
            foreach (var column in _filled)
            {
                command.Parameters.Add(column.CreateParameter(command, row.Contact));
            }
        });
}

/// <summary>A new contact and its stored values, converted and encrypted on the request's thread (see <see cref="ContactRows.Prepare"/>).</summary>
public sealed class ContactRow(Contact contact, DbParameter[] parameters)
{
    public Contact Contact { get; } = contact;

    internal DbParameter[] Parameters { get; } = parameters;
}
