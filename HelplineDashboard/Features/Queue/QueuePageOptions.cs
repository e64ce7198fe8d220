namespace HelplineDashboard.Features.Queue;

/// <summary><c>QueuePage</c> settings: how an open queue page turns a burst of queue changes into renders.</summary>
public sealed class QueuePageOptions
{
    public const string SectionName = "QueuePage";

    /// <summary>
    /// The least time between two renders of a queue page caused by queue changes. A change after a quiet spell shows
    /// at once; changes within this time of the last render fold into one render at its end. At a hundred contacts a
    /// second each page then renders about twenty times a second instead of once per change (server and browser both
    /// do less), and no change waits longer than this. 0 renders every change on its own.
    /// </summary>
    public int RenderIntervalMilliseconds { get; set; } = 50;
}
