using HelplineDashboard.Features.Presence;

namespace HelplineDashboard.Features.Languages;

/// <summary>
/// Who is online for language coverage (<see cref="LanguageMatch.Uncovered{T}"/>): the counsellors and supervisors whose
/// presence is Available or Busy, with their lines and languages. Derived from <see cref="PresenceService"/>, the one
/// source of who is on the line; someone on Break or Offline (or whose browser went away past the grace period) does
/// not cover a language. Subscribe to hear when it may have changed. See docs/decisions/0010-ui-languages.md.
/// </summary>
public sealed class OnlineCounsellors(PresenceService presence, PresenceNotifier changes)
{
    public IReadOnlyList<OnlineCounsellor> Current =>
        presence.Everyone().Where(p => p.IsOnline).Select(p => new OnlineCounsellor(p.UserId, p.Lines, p.Languages)).ToList();

    /// <summary>Called whenever someone's presence changes (so who is online may have changed).</summary>
    public IDisposable Subscribe(Func<PresenceChanged, Task> handler) => changes.Subscribe(handler);
}
