using System.Linq.Expressions;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>"Repeat caller: earlier contacts — N, last on …".</summary>
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
    /// At intake, for a batch of new contacts before they are saved: how often each caller came before, and the risk
    /// their latest case holds, so their next contact queues at that risk. Two queries for the whole batch, not two per
    /// contact. Contacts of one caller in the same batch count each other: a later one in the list sees the earlier
    /// ones as earlier contacts.
    /// </summary>
    public static async Task NoteAsync(HelplineDbContext db, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        var callerKeys = contacts.Select(c => c.CallerKey).Where(k => k != "").Distinct().ToList();
        var history = new Dictionary<(string CallerKey, string Line), (int Count, DateTime Last)>();
        var knownRisks = new Dictionary<(string CallerKey, string Line), RiskLevel>();
        if (callerKeys.Count > 0)
        {
            var earlier = await db.Contacts.AsNoTracking()
                .Where(c => callerKeys.Contains(c.CallerKey))
                .GroupBy(c => new { c.CallerKey, c.Line })
                .Select(g => new { g.Key.CallerKey, g.Key.Line, Count = g.Count(), Last = g.Max(c => c.ArrivedAt) })
                .ToListAsync(cancellationToken);
            foreach (var caller in earlier)
            {
                history[(caller.CallerKey, caller.Line)] = (caller.Count, caller.Last);
            }

            knownRisks = await KnownRisksAsync(db, earlier.Select(e => e.CallerKey).Distinct().ToList(), cancellationToken);
        }

        foreach (var contact in contacts)
        {
            contact.EarlierContacts = 0;
            contact.LastContactAt = null;
            if (contact.CallerKey == "")
            {
                continue;
            }

            var key = (contact.CallerKey, contact.Line);
            if (history.TryGetValue(key, out var before))
            {
                contact.EarlierContacts = before.Count;
                contact.LastContactAt = before.Last;
            }

            RaiseTo(contact, knownRisks);
            history[key] = (before.Count + 1, contact.ArrivedAt);
        }
    }

    /// <summary>
    /// Reads the risk of each caller's latest case again and raises the contacts below it (never lowers them): for the
    /// intake writer, inside its write transaction, when a screening may have committed since <see cref="NoteAsync"/>.
    /// </summary>
    public static async Task RaiseToKnownRiskAsync(HelplineDbContext db, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        var knownRisks = await KnownRisksAsync(db, contacts.Select(c => c.CallerKey).Where(k => k != "").Distinct().ToList(), cancellationToken);
        foreach (var contact in contacts)
        {
            RaiseTo(contact, knownRisks);
        }
    }

    private static void RaiseTo(Contact contact, Dictionary<(string CallerKey, string Line), RiskLevel> knownRisks)
    {
        if (knownRisks.TryGetValue((contact.CallerKey, contact.Line), out var knownRisk) && knownRisk > contact.Risk)
        {
            contact.Risk = knownRisk;
        }
    }

    /// <summary>The risk of each caller's latest case on a line (by opening, then case id).</summary>
    private static async Task<Dictionary<(string CallerKey, string Line), RiskLevel>> KnownRisksAsync(
        HelplineDbContext db, List<string> callerKeys, CancellationToken cancellationToken)
    {
        if (callerKeys.Count == 0)
        {
            return [];
        }

        var cases = await db.Contacts.AsNoTracking()
            .Where(c => callerKeys.Contains(c.CallerKey) && c.CaseId != null)
            .Select(c => new { c.CallerKey, c.Line, CaseId = c.CaseId!.Value, c.Case!.OpenedAt, c.Case.Risk })
            .ToListAsync(cancellationToken);
        return cases
            .GroupBy(c => (c.CallerKey, c.Line))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.CaseId).First().Risk);
    }

    /// <summary>
    /// For a batch of claims: the open cases that each claimant works on the line of a caller being claimed, which a
    /// claim joins (docs/decisions/0007-repeat-caller-claims.md). <see cref="OpenCases.Find"/> then picks a claim's case
    /// without another query. The read starts from the callers' contacts (their caller-key index) and looks each one's
    /// case up by its key, so its cost follows the callers' histories, never the claimants' open workload
    /// (docs/decisions/0028-repeat-caller-lookup-by-caller.md).
    /// </summary>
    public static async Task<OpenCases> OpenCasesAsync(
        HelplineDbContext db, IReadOnlyCollection<(string CallerKey, string OwnerId)> callers, CancellationToken cancellationToken)
    {
        var keys = callers.Select(c => c.CallerKey).Where(k => k != "").Distinct().ToList();
        var owners = callers.Where(c => c.CallerKey != "").Select(c => c.OwnerId).Distinct().ToList();
        if (keys.Count == 0)
        {
            return OpenCases.None;
        }

        // A correlated EXISTS, not a join: with a join SQLite (which keeps no statistics here) may start from the
        // owners' open cases and read every one of them for each batch.
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => keys.Contains(c.CallerKey) && c.CaseId != null && db.Cases.Any(k =>
                k.Id == c.CaseId && k.Status == CaseStatus.Open && k.Line == c.Line && owners.Contains(k.OwnerId)))
            .Select(c => new { c.Id, c.CallerKey, c.Line, CaseId = c.CaseId!.Value })
            .ToListAsync(cancellationToken);
        if (contacts.Count == 0)
        {
            return OpenCases.None;
        }

        var caseIds = contacts.Select(m => m.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        // The claim batch reads inside its write transaction, where nothing changes between the two reads; the case's own
        // terms are checked again so the answer holds for any caller.
        var members = contacts
            .Where(c => cases.TryGetValue(c.CaseId, out var k) && k.Status == CaseStatus.Open && k.Line == c.Line && owners.Contains(k.OwnerId))
            .Select(c => new OpenCases.Member(c.Id, c.CallerKey, c.Line, cases[c.CaseId].OwnerId, c.CaseId, cases[c.CaseId].OpenedAt))
            .ToList();
        return new OpenCases(members, cases);
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

/// <summary>Open cases of callers being claimed, read once for a batch of claims (<see cref="CallerHistory.OpenCasesAsync"/>).</summary>
public sealed class OpenCases
{
    public static readonly OpenCases None = new([], new Dictionary<long, Case>());

    private readonly IReadOnlyList<Member> _members;
    private readonly IReadOnlyDictionary<long, Case> _cases;

    internal OpenCases(IReadOnlyList<Member> members, IReadOnlyDictionary<long, Case> cases)
    {
        _members = members;
        _cases = cases;
    }

    /// <summary>
    /// The latest open case on <paramref name="line"/> that <paramref name="ownerId"/> works and that holds another contact
    /// of the caller than <paramref name="contactId"/>; null when there is none.
    /// </summary>
    public Case? Find(long contactId, string callerKey, string line, string ownerId) =>
        callerKey == ""
            ? null
            : _members
                .Where(m => m.CallerKey == callerKey && m.Line == line && m.OwnerId == ownerId && m.ContactId != contactId)
                .OrderByDescending(m => m.OpenedAt)
                .Select(m => _cases[m.CaseId])
                .FirstOrDefault();

    internal sealed record Member(long ContactId, string CallerKey, string Line, string OwnerId, long CaseId, DateTime OpenedAt);
}
