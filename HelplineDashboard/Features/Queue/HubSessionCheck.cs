using System.Collections.Concurrent;
using System.Security.Claims;
using HelplineDashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// Whether the sign-in a hub connection was opened with still holds. A hub connection keeps the user it was opened
/// with for as long as it lives, so the queue hub asks this before each claim: the security stamp in the sign-in must
/// still be the account's. Disabling an account, changing its roles or lines, resetting its password and signing out
/// all renew the stamp, so each takes effect on open hub connections within <see cref="MaxAge"/>. The account's stamp
/// is read at most once per <see cref="MaxAge"/> per account, however many connections and claims it has.
/// </summary>
public sealed class HubSessionCheck(IDbContextFactory<HelplineDbContext> dbFactory, IOptions<IdentityOptions> identity, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Reading> _stamps = new(StringComparer.Ordinal);

    /// <summary>The security stamp a sign-in carries; null when it has none (then it is never current).</summary>
    public string? StampOf(ClaimsPrincipal user) => user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);

    /// <summary>True while <paramref name="stamp"/> (from the connection's sign-in) is still the stamp of account <paramref name="userId"/>.</summary>
    public async ValueTask<bool> IsCurrentAsync(string userId, string? stamp)
    {
        if (stamp is null)
        {
            return false;
        }

        var now = time.GetTimestamp();
        if (!_stamps.TryGetValue(userId, out var reading) || time.GetElapsedTime(reading.At, now) > MaxAge)
        {
            // Connections of one account that find the reading stale at the same moment share one read.
            var fresh = new Reading(ReadAsync(userId), now);
            reading = _stamps.AddOrUpdate(userId, fresh, (_, old) => old == reading ? fresh : old);
        }

        try
        {
            return await reading.Stamp == stamp;
        }
        catch
        {
            _stamps.TryRemove(KeyValuePair.Create(userId, reading));
            throw;
        }
    }

    private async Task<string?> ReadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
    }

    private sealed record Reading(Task<string?> Stamp, long At);
}
