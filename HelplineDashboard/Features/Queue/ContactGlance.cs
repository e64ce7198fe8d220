using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Queue;

/// <summary>The little a claim needs to know about a contact on the claimant's lines: where it stands and who has it.</summary>
internal sealed record ContactGlance(ContactStatus Status, string? ClaimedByName, string Language, string Line)
{
    public static Task<ContactGlance?> ReadAsync(HelplineDbContext db, long contactId, List<string> lines, CancellationToken cancellationToken) =>
        db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId && lines.Contains(c.Line))
            .Select(c => new ContactGlance(c.Status, c.ClaimedByName, c.Language, c.Line))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Why a claim on a contact that is not (or no longer) waiting did not win; null stands for "not on your lines".</summary>
    public static ClaimResult Explain(ContactGlance? contact) => contact?.Status switch
    {
        ContactStatus.Claimed => ClaimResult.AlreadyClaimed(contact.ClaimedByName ?? ""),
        ContactStatus.Abandoned => ClaimResult.Abandoned(),
        _ => ClaimResult.NotFound(),
    };
}
