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
    public static async Task<int> RunAsync(HelplineDbContext db, CallerKeyHasher callerKeys, CancellationToken cancellationToken)
    {
        const string plain = "NOT LIKE 'enc1:%'";
        var contacts = await db.Contacts
            .FromSqlRaw($"""SELECT * FROM "Contacts" WHERE "From" {plain} OR ("Message" IS NOT NULL AND "Message" {plain}) OR "CallerKey" = ''""")
            .ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            contact.CallerKey = callerKeys.Hash(contact.From);
            Touch(db, contact, nameof(Contact.From), nameof(Contact.Message));
        }

        var notes = await db.CaseNotes.FromSqlRaw($"""SELECT * FROM "CaseNotes" WHERE "Text" {plain}""").ToListAsync(cancellationToken);
        notes.ForEach(note => Touch(db, note, nameof(CaseNote.Text)));

        var cases = await db.Cases.FromSqlRaw($"""SELECT * FROM "Cases" WHERE "ClosingSummary" IS NOT NULL AND "ClosingSummary" {plain}""").ToListAsync(cancellationToken);
        cases.ForEach(found => Touch(db, found, nameof(Case.ClosingSummary)));

        var escalations = await db.Escalations
            .FromSqlRaw($"""SELECT * FROM "Escalations" WHERE "Address" {plain} OR "Summary" {plain} OR ("Landmarks" IS NOT NULL AND "Landmarks" {plain})""")
            .ToListAsync(cancellationToken);
        escalations.ForEach(escalation => Touch(db, escalation, nameof(Escalation.Address), nameof(Escalation.Landmarks), nameof(Escalation.Summary)));

        await db.SaveChangesAsync(cancellationToken);
        return contacts.Count + notes.Count + cases.Count + escalations.Count;
    }

    private static void Touch(HelplineDbContext db, object entity, params string[] properties)
    {
        foreach (var property in properties)
        {
            db.Entry(entity).Property(property).IsModified = true;
        }
    }
}
