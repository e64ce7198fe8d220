using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Data.Protection;

/// <summary>
/// At start-up, encrypts rows written before encryption at rest (plain text without the <c>enc1:</c> prefix) and
/// gives old contacts their caller key. Idempotent: a second run finds nothing to do.
/// </summary>
public static class PlaintextBackfill
{
    private const string Plain = "NOT LIKE 'enc1:%'";

    // Which rows still need the backfill, one WHERE clause per table; the start-up probe asks the same questions.
    private const string ContactsWhere = $"""
        "From" {Plain} OR ("Message" IS NOT NULL AND "Message" {Plain}) OR "CallerKey" = ''
        """;

    private const string NotesWhere = $""" "Text" {Plain}""";

    private const string CasesWhere = $""" "ClosingSummary" IS NOT NULL AND "ClosingSummary" {Plain}""";

    private const string EscalationsWhere = $"""
        "Address" {Plain} OR "Summary" {Plain} OR ("Landmarks" IS NOT NULL AND "Landmarks" {Plain})
        """;

    public static async Task<int> RunAsync(HelplineDbContext db, CallerKeyHasher callerKeys, CancellationToken cancellationToken)
    {
        var contacts = await db.Contacts.FromSqlRaw($"""SELECT * FROM "Contacts" WHERE {ContactsWhere}""").ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            contact.CallerKey = callerKeys.Hash(contact.From);
            Touch(db, contact, nameof(Contact.From), nameof(Contact.Message));
        }

        var notes = await db.CaseNotes.FromSqlRaw($"""SELECT * FROM "CaseNotes" WHERE {NotesWhere}""").ToListAsync(cancellationToken);
        notes.ForEach(note => Touch(db, note, nameof(CaseNote.Text)));

        var cases = await db.Cases.FromSqlRaw($"""SELECT * FROM "Cases" WHERE {CasesWhere}""").ToListAsync(cancellationToken);
        cases.ForEach(found => Touch(db, found, nameof(Case.ClosingSummary)));

        var escalations = await db.Escalations.FromSqlRaw($"""SELECT * FROM "Escalations" WHERE {EscalationsWhere}""").ToListAsync(cancellationToken);
        escalations.ForEach(escalation => Touch(db, escalation, nameof(Escalation.Address), nameof(Escalation.Landmarks), nameof(Escalation.Summary)));

        await db.SaveChangesAsync(cancellationToken);
        return contacts.Count + notes.Count + cases.Count + escalations.Count;
    }

    /// <summary>True when <see cref="RunAsync"/> would find nothing to do; read without Entity Framework.</summary>
    public static async Task<bool> IsDoneAsync(StartupProbe probe, CancellationToken cancellationToken)
    {
        foreach (var (table, where) in new[] { ("Contacts", ContactsWhere), ("CaseNotes", NotesWhere), ("Cases", CasesWhere), ("Escalations", EscalationsWhere) })
        {
            if (await probe.AnyAsync($"""SELECT 1 FROM "{table}" WHERE {where} LIMIT 1""", [], cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static void Touch(HelplineDbContext db, object entity, params string[] properties)
    {
        foreach (var property in properties)
        {
            db.Entry(entity).Property(property).IsModified = true;
        }
    }
}
