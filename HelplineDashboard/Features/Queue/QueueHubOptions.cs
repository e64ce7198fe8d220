namespace HelplineDashboard.Features.Queue;

/// <summary><c>QueueHub</c> settings: how the hub relay folds a burst of claims for clients that asked for batches.</summary>
public sealed class QueueHubOptions
{
    public const string SectionName = "QueueHub";

    /// <summary>
    /// The least time between two <see cref="IQueueClient.ContactsClaimed"/> messages to a client that asked for
    /// batches. A claim after a quiet spell goes at once; claims within this time of the last message fold into one
    /// message at its end, and any other change (a contact queued, released, abandoned) sends the folded claims first,
    /// so a client hears every change in the order it happened. 0 sends each commit's claims as they come.
    /// </summary>
    public int ClaimBatchMilliseconds { get; set; } = 50;
}
