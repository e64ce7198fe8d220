using System.Linq.Expressions;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>"Repeat caller: N earlier contacts, last on …".</summary>
public sealed record RepeatCaller(int EarlierContacts, DateTime LastContactAt);

/// <summary>
/// Recognises a caller who has contacted the line before, by the keyed hash of their number
/// (<see cref="Contact.CallerKey"/>), never the plain number. Same line only: each line keeps its own files.
/// </summary>
public static class CallerHistory
{
    /// <summary>The caller's contacts on a line.</summary>
    public static Expression<Func<Contact, bool>> SameCaller(string callerKey, string line) =>
        c => callerKey != "" && c.CallerKey == callerKey && c.Line == line;

    /// <summary>
    /// At intake, before the new contact is saved: how often the caller came before, and the risk their latest case
    /// holds, so their next contact queues at that risk.
    /// </summary>
    public static async Task NoteAsync(HelplineDbContext db, Contact contact, CancellationToken cancellationToken)
    {
        var earlier = await db.Contacts.AsNoTracking()
            .Where(SameCaller(contact.CallerKey, contact.Line))
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(c => c.ArrivedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return;
        }

        contact.EarlierContacts = earlier.Count;
        contact.LastContactAt = earlier.Last;
        var knownRisk = await db.Contacts.AsNoTracking()
            .Where(SameCaller(contact.CallerKey, contact.Line))
            .Where(c => c.CaseId != null)
            .OrderByDescending(c => c.Case!.OpenedAt).ThenByDescending(c => c.CaseId)
            .Select(c => (RiskLevel?)c.Case!.Risk)
            .FirstOrDefaultAsync(cancellationToken);
        if (knownRisk > contact.Risk)
        {
            contact.Risk = knownRisk.Value;
        }
    }

    /// <summary>The caller's open case on the contact's line that <paramref name="ownerId"/> works, which a claim joins.</summary>
    public static Task<Case?> FindOpenCaseAsync(HelplineDbContext db, Contact contact, string ownerId, CancellationToken cancellationToken)
    {
        var callers = db.Contacts.Where(SameCaller(contact.CallerKey, contact.Line)).Where(c => c.Id != contact.Id).Select(c => c.CaseId);
        return db.Cases
            .Where(c => c.Status == CaseStatus.Open && c.Line == contact.Line && c.OwnerId == ownerId && callers.Contains(c.Id))
            .OrderByDescending(c => c.OpenedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The caller's contacts on the line outside this case.</summary>
    public static async Task<RepeatCaller?> ForCaseAsync(HelplineDbContext db, Case @case, CancellationToken cancellationToken)
    {
        var keys = await db.Contacts.AsNoTracking().Where(c => c.CaseId == @case.Id).Select(c => c.CallerKey).Distinct().ToListAsync(cancellationToken);
        var key = keys.FirstOrDefault(k => k != "");
        if (key is null)
        {
            return null;
        }

        var earlier = await db.Contacts.AsNoTracking()
            .Where(SameCaller(key, @case.Line))
            .Where(c => c.CaseId == null || c.CaseId != @case.Id)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(c => c.ArrivedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        return earlier is null ? null : new RepeatCaller(earlier.Count, earlier.Last);
    }
}
