namespace HelplineDashboard.Features.FollowUps;

/// <summary>
/// Whether the caller may be called back at a time: the seam where the case's safety plan ("do not call back",
/// safe times) decides. Scheduling a follow-up asks it and refuses a time it does not allow, with its reason.
/// </summary>
public interface ICallbackWindow
{
    Task<CallbackCheck> CheckAsync(long caseId, DateTime dueUtc, CancellationToken cancellationToken = default);
}

/// <summary>The answer: allowed, or refused with a reason the counsellor reads (a localisation key).</summary>
public sealed record CallbackCheck(bool Allowed, string? Reason)
{
    public static CallbackCheck Allow { get; } = new(true, null);

    public static CallbackCheck Refuse(string reason) => new(false, reason);
}

/// <summary>Until a safety plan records safe times, every time is allowed.</summary>
public sealed class AnyTimeCallbackWindow : ICallbackWindow
{
    public Task<CallbackCheck> CheckAsync(long caseId, DateTime dueUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(CallbackCheck.Allow);
}
