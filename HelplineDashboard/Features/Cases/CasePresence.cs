using HelplineDashboard.Data;
using HelplineDashboard.Features.Presence;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>
/// Keeps presence in step with who holds open cases, for every way a case changes hands: receiving one (an accepted
/// transfer, a supervisor's reassignment) makes an Available person Busy, as a claim does; someone left without any
/// open case (closed their last one, or it moved away) is Available again if they were Busy.
/// </summary>
public sealed class CasePresence(IDbContextFactory<HelplineDbContext> dbFactory, PresenceService presence)
{
    /// <summary>A case moved from <paramref name="fromUserId"/> to <paramref name="toUserId"/> (already committed).</summary>
    public async Task HandedOverAsync(string fromUserId, string toUserId, CancellationToken cancellationToken = default)
    {
        await presence.CaseReceivedAsync(toUserId);
        await PutDownIfNoneOpenAsync(fromUserId, cancellationToken);
    }

    /// <summary>The person put a case down (closed, or it left them): Available again once they hold no open case.</summary>
    public async Task PutDownIfNoneOpenAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Cases.AnyAsync(c => c.OwnerId == userId && c.Status == CaseStatus.Open, cancellationToken))
        {
            await presence.CasesPutDownAsync(userId);
        }
    }
}
