using System.Security.Claims;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Presence;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>
/// What <c>GET /api/v1/metrics</c> and the metrics hub give a screen or another system: the line boards and how many
/// counsellors are in each presence. No counsellor names, no survivor data.
/// </summary>
public sealed record MetricsView(DateTime ComputedAt, double ComputeMilliseconds, IReadOnlyList<LineBoard> Lines, IReadOnlyList<PresenceCount> Presence)
{
    public static MetricsView From(WallboardSnapshot snapshot, IReadOnlySet<string> lines)
    {
        var mine = snapshot.For(lines);
        var presence = mine.Lines
            .SelectMany(line => Enum.GetValues<PresenceStatus>().Select(status => new PresenceCount(
                line.Line,
                status,
                mine.Counsellors.Count(c => c.Status == status && c.Lines.Contains(line.Line)))))
            .ToList();
        return new MetricsView(mine.ComputedAt, mine.ComputeMilliseconds, mine.Lines, presence);
    }

    /// <summary>The lines a wallboard key or a signed-in supervisor may see.</summary>
    public static IReadOnlySet<string> LinesOf(ClaimsPrincipal user) =>
        user.FindAll(GatewayAuthenticationHandler.LineClaim).Concat(user.FindAll(HelplineClaimTypes.Line))
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
}

public sealed record PresenceCount(string Line, PresenceStatus Status, int Count);
