using HelplineDashboard.Common;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

public sealed class PresenceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly PresenceService _presence;
    private readonly List<PresenceChanged> _published = [];

    public PresenceTests()
    {
        var notifier = new PresenceNotifier(NullLogger<PresenceNotifier>.Instance);
        notifier.Subscribe(change =>
        {
            lock (_published)
            {
                _published.Add(change);
            }

            return Task.CompletedTask;
        });
        _presence = new PresenceService(notifier, _clock,
            new StaticOptions<PresenceOptions>(new PresenceOptions { GraceSeconds = 30 }), NullLogger<PresenceService>.Instance);
    }

    private static readonly Features.Accounts.Actor Aigerim = TestActors.Counsellor("c1", "Aigerim", "111");

    [Fact]
    public async Task Opening_the_app_makes_an_offline_counsellor_available()
    {
        await _presence.CircuitUpAsync(Aigerim);

        Assert.Equal(PresenceStatus.Available, _presence.StatusOf(Aigerim.UserId));
    }

    [Fact]
    public async Task Closing_the_browser_makes_the_counsellor_offline_only_after_the_grace_period()
    {
        await _presence.CircuitUpAsync(Aigerim);
        _presence.CircuitDown(Aigerim.UserId);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(PresenceStatus.Available, _presence.StatusOf(Aigerim.UserId));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PresenceStatus.Offline, _presence.StatusOf(Aigerim.UserId));
        Assert.Contains(new PresenceChanged(Aigerim.UserId, PresenceStatus.Offline), _published);
    }

    [Fact]
    public async Task A_reload_within_the_grace_period_keeps_the_presence()
    {
        await _presence.CircuitUpAsync(Aigerim);
        await _presence.SetAsync(Aigerim, PresenceStatus.Break);
        _presence.CircuitDown(Aigerim.UserId);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await _presence.CircuitUpAsync(Aigerim);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(PresenceStatus.Break, _presence.StatusOf(Aigerim.UserId));
    }

    [Fact]
    public async Task One_tab_closing_while_another_stays_open_keeps_the_counsellor_present()
    {
        await _presence.CircuitUpAsync(Aigerim);
        await _presence.CircuitUpAsync(Aigerim);
        _presence.CircuitDown(Aigerim.UserId);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(PresenceStatus.Available, _presence.StatusOf(Aigerim.UserId));
    }

    [Theory]
    [InlineData(PresenceStatus.Break)]
    [InlineData(PresenceStatus.Offline)]
    public async Task A_counsellor_on_break_or_offline_may_not_claim(PresenceStatus status)
    {
        await _presence.CircuitUpAsync(Aigerim);
        await _presence.SetAsync(Aigerim, status);

        Assert.Throws<HelplineRuleException>(() => _presence.EnsureMayClaim(Aigerim));
    }

    [Theory]
    [InlineData(PresenceStatus.Available)]
    [InlineData(PresenceStatus.Busy)]
    public async Task An_available_or_busy_counsellor_may_claim(PresenceStatus status)
    {
        await _presence.CircuitUpAsync(Aigerim);
        await _presence.SetAsync(Aigerim, status);

        _presence.EnsureMayClaim(Aigerim);
    }

    [Fact]
    public async Task A_claim_makes_the_counsellor_busy_until_the_case_is_put_down()
    {
        await _presence.CircuitUpAsync(Aigerim);
        await _presence.ClaimedAsync(Aigerim);
        Assert.Equal(PresenceStatus.Busy, _presence.StatusOf(Aigerim.UserId));

        await _presence.CasesPutDownAsync(Aigerim.UserId);

        Assert.Equal(PresenceStatus.Available, _presence.StatusOf(Aigerim.UserId));
    }

    [Fact]
    public async Task Putting_a_case_down_does_not_end_a_chosen_break()
    {
        await _presence.CircuitUpAsync(Aigerim);
        await _presence.SetAsync(Aigerim, PresenceStatus.Break);

        await _presence.CasesPutDownAsync(Aigerim.UserId);

        Assert.Equal(PresenceStatus.Break, _presence.StatusOf(Aigerim.UserId));
    }

    [Fact]
    public async Task Receiving_a_case_makes_an_available_counsellor_busy_but_does_not_end_a_break()
    {
        var bakyt = TestActors.Counsellor("c2", "Bakyt", "111");
        await _presence.CircuitUpAsync(Aigerim);
        await _presence.CircuitUpAsync(bakyt);
        await _presence.SetAsync(bakyt, PresenceStatus.Break);

        await _presence.CaseReceivedAsync(Aigerim.UserId);
        await _presence.CaseReceivedAsync(bakyt.UserId);

        Assert.Equal(PresenceStatus.Busy, _presence.StatusOf(Aigerim.UserId));
        Assert.Equal(PresenceStatus.Break, _presence.StatusOf(bakyt.UserId));
    }

    [Fact]
    public async Task An_administrator_has_no_presence_to_set()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _presence.SetAsync(TestActors.Admin(), PresenceStatus.Available));
    }

    [Fact]
    public async Task Time_in_a_presence_counts_from_the_change()
    {
        await _presence.CircuitUpAsync(Aigerim);
        _clock.Advance(TimeSpan.FromMinutes(3));
        await _presence.SetAsync(Aigerim, PresenceStatus.Break);

        Assert.Equal(_clock.GetUtcNow().UtcDateTime, _presence.Everyone().Single().Since);
    }
}
