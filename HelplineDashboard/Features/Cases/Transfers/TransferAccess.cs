using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>Reads what transfers grant: a counsellor offered a case may read it (not work it) before accepting.</summary>
public static class TransferAccess
{
    public static async Task<IReadOnlyList<string>> SpecialismsOfAsync(HelplineDbContext db, string userId, CancellationToken cancellationToken) =>
        Specialisms.Parse(await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => u.Specialisms)
            .SingleOrDefaultAsync(cancellationToken));

    /// <summary>Whether a pending transfer of this case is offered to the actor.</summary>
    public static async Task<bool> IsOfferedAsync(HelplineDbContext db, long caseId, Actor actor, CancellationToken cancellationToken)
    {
        var pending = await db.CaseTransfers.AsNoTracking()
            .Where(t => t.CaseId == caseId && t.Status == TransferStatus.Pending)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return false;
        }

        var specialisms = await SpecialismsOfAsync(db, actor.UserId, cancellationToken);
        return pending.Any(t => TransferRules.IsOfferedTo(t, actor, specialisms));
    }
}
