using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

/// <summary>Issue 8: who covers a language is who is on the line by presence (Available or Busy), nothing else.</summary>
public sealed class LanguageCoverageTests
{
    private sealed record Waiting(long Id, string Line, string Language);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly PresenceService _presence;
    private readonly OnlineCounsellors _online;
    private readonly Features.Accounts.Actor _aigerim = TestActors.Counsellor("aigerim", "Aigerim", "111");

    private static readonly Waiting[] KazakhCaller = [new(1, "111", "kk")];

    public LanguageCoverageTests()
    {
        var notifier = new PresenceNotifier(NullLogger<PresenceNotifier>.Instance);
        _presence = new PresenceService(notifier, _clock, new StaticOptions<PresenceOptions>(new PresenceOptions { GraceSeconds = 30 }), NullLogger<PresenceService>.Instance);
        _online = new OnlineCounsellors(_presence, notifier);
    }

    private IReadOnlyList<Waiting> Uncovered() => LanguageMatch.Uncovered(KazakhCaller, c => (c.Line, c.Language), _online.Current);

    [Theory]
    [InlineData(PresenceStatus.Available, false)]
    [InlineData(PresenceStatus.Busy, false)]
    [InlineData(PresenceStatus.Break, true)]
    [InlineData(PresenceStatus.Offline, true)]
    public async Task A_counsellor_covers_their_languages_only_while_available_or_busy(PresenceStatus status, bool uncovered)
    {
        await _presence.CircuitUpAsync(_aigerim, new HashSet<string> { "kk", "ru" });
        await _presence.SetAsync(_aigerim, status);

        Assert.Equal(uncovered, Uncovered().Count == 1);
    }

    [Fact]
    public async Task A_counsellor_whose_browser_went_away_stops_covering_after_the_grace_period()
    {
        await _presence.CircuitUpAsync(_aigerim, new HashSet<string> { "kk" });
        _presence.CircuitDown(_aigerim.UserId);
        Assert.Empty(Uncovered());

        _clock.Advance(TimeSpan.FromSeconds(31));

        await Eventually.MatchAsync(() => Task.FromResult(Uncovered().Count), count => count == 1, what: "Kazakh uncovered after the grace period");
    }

    [Fact]
    public async Task A_claim_without_a_browser_keeps_the_languages_learned_when_it_was_open()
    {
        await _presence.CircuitUpAsync(_aigerim, new HashSet<string> { "kk" });
        await _presence.ClaimedAsync(_aigerim);

        Assert.Empty(Uncovered());
    }
}
