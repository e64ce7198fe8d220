using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace HelplineDashboard.Features.Queue;

/// <summary>What the queue hub pushes to external clients (wallboards, integrations).</summary>
public interface IQueueClient
{
    Task ContactQueued(QueuedContact contact);

    /// <summary>One claim; sent to clients that did not ask for batches (<see cref="QueueHub.ClaimsQueryKey"/>).</summary>
    Task ContactClaimed(ContactClaimed change);

    /// <summary>The claims of one line committed together, in order; sent instead of <see cref="ContactClaimed"/> to clients that asked for batches.</summary>
    Task ContactsClaimed(ContactsClaimed changes);

    Task ContactAbandoned(ContactAbandoned change);

    Task ContactRiskChanged(ContactRiskChanged change);
}

/// <summary>
/// <c>/hubs/queue</c>: pushes queue changes to signed-in external clients, grouped by line so a client only
/// hears about the lines its user serves. The Blazor UI does not connect here; it subscribes to
/// <see cref="QueueNotifier"/> in-process. Sign-in is required when the connection opens (the endpoint's
/// authorization, see <see cref="QueueServiceCollectionExtensions.MapHelplineQueue"/>); each claim then checks that the
/// sign-in still holds (<see cref="HubSessionCheck"/>) instead of authorizing every invocation again.
/// </summary>
public sealed class QueueHub(QueueService queue, HubSessionCheck sessions) : Hub<IQueueClient>
{
    public const string Path = "/hubs/queue";

    /// <summary>Query key of the connection URL: <c>/hubs/queue?claims=batched</c> asks for <see cref="IQueueClient.ContactsClaimed"/>.</summary>
    public const string ClaimsQueryKey = "claims";

    public const string BatchedClaims = "batched";

    private static readonly object ClaimantKey = new();

    public static string LineGroup(string line) => "line:" + line;

    /// <summary>Clients of the line that hear each claim alone (<see cref="IQueueClient.ContactClaimed"/>).</summary>
    public static string EachClaimGroup(string line) => "line:" + line + ":claims";

    /// <summary>Clients of the line that hear claims in batches (<see cref="IQueueClient.ContactsClaimed"/>).</summary>
    public static string ClaimBatchesGroup(string line) => "line:" + line + ":claim-batches";

    public override async Task OnConnectedAsync()
    {
        var actor = Actor.From(Context.User!);
        var claimant = new Claimant(actor, sessions.StampOf(Context.User!));

        // A sign-in cookie outlives a disabled account or a role change for a while; the connection does not.
        if (!await sessions.IsCurrentAsync(actor.UserId, claimant.Stamp))
        {
            throw new HubException("Sign in again.");
        }

        Context.Items[ClaimantKey] = claimant;
        var batched = string.Equals(Context.GetHttpContext()?.Request.Query[ClaimsQueryKey], BatchedClaims, StringComparison.Ordinal);
        foreach (var line in actor.Lines)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LineGroup(line));
            await Groups.AddToGroupAsync(Context.ConnectionId, batched ? ClaimBatchesGroup(line) : EachClaimGroup(line));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Claims a waiting contact for the signed-in counsellor or supervisor (a softphone or integration): the same
    /// exactly-once rule as the queue page. Others are refused by the service; a connection whose sign-in no longer
    /// holds (account disabled, roles or lines changed, signed out) is refused and leaves its line groups.
    /// </summary>
    public async Task<ClaimAnswer> Claim(long contactId)
    {
        // The actor is read from the sign-in once per connection; the sign-in itself is checked on every claim.
        var claimant = (Claimant)Context.Items[ClaimantKey]!;
        if (!await sessions.IsCurrentAsync(claimant.Actor.UserId, claimant.Stamp))
        {
            // It hears no more of the queue either; a new connection with the same sign-in is refused.
            foreach (var line in claimant.Actor.Lines)
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, LineGroup(line));
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, EachClaimGroup(line));
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, ClaimBatchesGroup(line));
            }

            throw new HubException("Sign in again.");
        }

        try
        {
            var result = await queue.ClaimAsync(contactId, claimant.Actor, cancellationToken: Context.ConnectionAborted);
            return new ClaimAnswer(result.Status, result.CaseId, result.ClaimedByName);
        }
        catch (AccessDeniedException)
        {
            throw new HubException("This account does not work the queue.");
        }
    }

    private sealed record Claimant(Actor Actor, string? Stamp);
}

/// <summary>How a hub claim ended: won with the opened case, or lost with who has the contact.</summary>
public sealed record ClaimAnswer(ClaimStatus Status, long? CaseId, string? ClaimedByName);

/// <summary>Claims on one line that were committed together, in the order they were made.</summary>
public sealed record ContactsClaimed(string Line, IReadOnlyList<ContactClaimed> Claims);
