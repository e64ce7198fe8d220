using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HelplineDashboard.Features.Queue;

/// <summary>What the queue hub pushes to external clients (wallboards, integrations).</summary>
public interface IQueueClient
{
    Task ContactQueued(QueuedContact contact);

    Task ContactClaimed(ContactClaimed change);

    Task ContactAbandoned(ContactAbandoned change);

    Task ContactRiskChanged(ContactRiskChanged change);
}

/// <summary>
/// <c>/hubs/queue</c>: pushes queue changes to signed-in external clients, grouped by line so a client only
/// hears about the lines its user serves. The Blazor UI does not connect here; it subscribes to
/// <see cref="QueueNotifier"/> in-process.
/// </summary>
[Authorize]
public sealed class QueueHub(QueueService queue) : Hub<IQueueClient>
{
    public const string Path = "/hubs/queue";

    public static string LineGroup(string line) => "line:" + line;

    public override async Task OnConnectedAsync()
    {
        var actor = Actor.From(Context.User!);
        foreach (var line in actor.Lines)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LineGroup(line));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Claims a waiting contact for the signed-in counsellor or supervisor (a softphone or integration): the same
    /// exactly-once rule as the queue page. Others are refused by the service.
    /// </summary>
    public async Task<ClaimAnswer> Claim(long contactId)
    {
        try
        {
            var result = await queue.ClaimAsync(contactId, Actor.From(Context.User!), cancellationToken: Context.ConnectionAborted);
            return new ClaimAnswer(result.Status, result.CaseId, result.ClaimedByName);
        }
        catch (AccessDeniedException)
        {
            throw new HubException("This account does not work the queue.");
        }
    }
}

/// <summary>How a hub claim ended: won with the opened case, or lost with who has the contact.</summary>
public sealed record ClaimAnswer(ClaimStatus Status, long? CaseId, string? ClaimedByName);
