using Bunit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Components;

/// <summary>The wallboard's tiles, their red state, and live updates from the one metrics service.</summary>
public sealed class WallboardTests : HelplineTestContext
{
    private readonly Features.Accounts.Actor _supervisor = TestActors.Supervisor("sup-1", "Dana", "111");

    /// <summary>Each update is a database computation on a busy build machine: wait for it with a deadline, generously.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public WallboardTests() => SignInAs(_supervisor);

    private static string Value(IRenderedComponent<WallboardPage> page, string testId) =>
        page.Find($"[data-testid={testId}-value]").TextContent.Trim();

    private static string Alarm(IRenderedComponent<WallboardPage> page, string testId) =>
        page.Find($"[data-testid={testId}]").GetAttribute("data-alarm")!;

    private async Task<IRenderedComponent<WallboardPage>> OpenWallboardAsync()
    {
        await Service<WallboardMetrics>().StartAsync(CancellationToken.None);
        await Service<WallboardMetrics>().RefreshAsync();
        var page = Render<WallboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=line-board-111]")), Patience);
        return page;
    }

    [Fact]
    public void A_tile_is_red_only_when_its_threshold_is_crossed()
    {
        var calm = Render<MetricTile>(p => p.Add(t => t.Label, "Waiting").Add(t => t.Value, "1").Add(t => t.TestId, "calm"));
        var alarmed = Render<MetricTile>(p => p.Add(t => t.Label, "Longest wait").Add(t => t.Value, "1:00").Add(t => t.TestId, "alarmed").Add(t => t.Alarm, true));

        Assert.Equal("false", calm.Find("[data-testid=calm]").GetAttribute("data-alarm"));
        Assert.DoesNotContain("mud-theme-error", calm.Find("[data-testid=calm]").ClassName);
        Assert.Equal("true", alarmed.Find("[data-testid=alarmed]").GetAttribute("data-alarm"));
        Assert.Contains("mud-theme-error", alarmed.Find("[data-testid=alarmed]").ClassName);
    }

    [Fact]
    public void Service_level_tile_turns_red_below_the_lines_target()
    {
        var thresholds = new LineThresholds(20, 80, 5, 60);
        var below = new PeriodFigures(10, 7, 3, 0, 7, 10, 0.7, 0.3);
        var met = new PeriodFigures(10, 8, 2, 0, 8, 10, 0.8, 0.2);

        var red = Render<PeriodTiles>(p => p.Add(t => t.Title, "Today").Add(t => t.Figures, below).Add(t => t.Thresholds, thresholds).Add(t => t.TestPrefix, "t"));
        var green = Render<PeriodTiles>(p => p.Add(t => t.Title, "Today").Add(t => t.Figures, met).Add(t => t.Thresholds, thresholds).Add(t => t.TestPrefix, "t"));

        Assert.Equal("true", red.Find("[data-testid=t-service-level]").GetAttribute("data-alarm"));
        Assert.Equal("70 %", red.Find("[data-testid=t-service-level-value]").TextContent.Trim());
        Assert.Equal("false", green.Find("[data-testid=t-service-level]").GetAttribute("data-alarm"));
    }

    [Fact]
    public async Task A_waiting_contact_shows_at_once_its_wait_ticks_and_the_tile_turns_red_at_the_alarm()
    {
        var page = await OpenWallboardAsync();
        Assert.Equal("0", Value(page, "line-111-waiting"));

        await QueueAsync("wb-wait-1");

        page.WaitForAssertion(() => Assert.Equal("1", Value(page, "line-111-waiting")), Patience);
        Assert.Equal("false", Alarm(page, "line-111-longest-wait"));

        Clock.Advance(TimeSpan.FromSeconds(59));
        page.WaitForAssertion(() => Assert.Equal("0:59", Value(page, "line-111-longest-wait")), Patience);
        Assert.Equal("false", Alarm(page, "line-111-longest-wait"));

        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("true", Alarm(page, "line-111-longest-wait")), Patience);
    }

    [Fact]
    public async Task A_claim_moves_the_contact_from_waiting_to_answered_and_the_counsellor_to_busy()
    {
        var page = await OpenWallboardAsync();
        var contactId = await QueueAsync("wb-claim-1", urgent: true);
        page.WaitForAssertion(() => Assert.Equal("1", Value(page, "line-111-urgent")), Patience);
        Assert.Equal("true", Alarm(page, "line-111-urgent"));

        Clock.Advance(TimeSpan.FromSeconds(12));
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;

        page.WaitForAssertion(() =>
        {
            Assert.Equal("0", Value(page, "line-111-waiting"));
            Assert.Equal("1", Value(page, "line-111-today-answered"));
            Assert.Equal("0:12", Value(page, "line-111-today-asa"));
            Assert.Equal("100 %", Value(page, "line-111-today-service-level"));
            Assert.Equal(nameof(PresenceStatus.Busy), page.Find($"[data-testid=counsellor-{Me.UserId}]").GetAttribute("data-status"));
        }, Patience);

        await Service<CaseService>().CloseAsync(caseId, CaseOutcome.InformationProvided, null, Me);

        page.WaitForAssertion(() =>
            Assert.Equal(nameof(PresenceStatus.Available), page.Find($"[data-testid=counsellor-{Me.UserId}]").GetAttribute("data-status")), Patience);
    }

    [Fact]
    public async Task Waiting_contacts_no_one_online_speaks_are_flagged_per_language_and_follow_presence()
    {
        var aigerim = TestActors.Counsellor("cov-aigerim", "Aigerim", "111");
        var presence = Service<PresenceService>();
        await presence.CircuitUpAsync(aigerim, new HashSet<string> { "kk", "ru" });

        // Queued before the metrics service starts: the one in-memory test connection is not shared with a computation.
        await QueueInLanguageAsync("wb-cov-kk", "kk");
        await QueueInLanguageAsync("wb-cov-ky-1", "ky");
        await QueueInLanguageAsync("wb-cov-ky-2", "ky");
        var page = await OpenWallboardAsync();

        page.WaitForAssertion(() =>
        {
            var flag = page.Find("[data-testid=line-111-uncovered]").TextContent;
            Assert.Contains("Kyrgyz (2)", flag);
            Assert.DoesNotContain("Kazakh", flag);
        }, Patience);

        // On a break Aigerim covers no one: Kazakh is flagged too, live.
        await presence.SetAsync(aigerim, PresenceStatus.Break);

        page.WaitForAssertion(() => Assert.Contains("Kazakh (1)", page.Find("[data-testid=line-111-uncovered]").TextContent), Patience);

        // Busy still counts as online (on the line).
        await presence.SetAsync(aigerim, PresenceStatus.Busy);

        page.WaitForAssertion(() => Assert.DoesNotContain("Kazakh", page.Find("[data-testid=line-111-uncovered]").TextContent), Patience);
    }

    [Fact]
    public async Task A_burst_of_contacts_folds_into_one_computation_per_interval()
    {
        Service<Microsoft.Extensions.Options.IOptionsMonitor<WallboardOptions>>().CurrentValue.MinIntervalMilliseconds = 1000;
        var metrics = Service<WallboardMetrics>();
        var published = 0;
        using var subscription = Service<WallboardNotifier>().Subscribe(_ =>
        {
            Interlocked.Increment(ref published);
            return Task.CompletedTask;
        });
        await metrics.StartAsync(CancellationToken.None);
        await Eventually.MatchAsync(() => Task.FromResult(Volatile.Read(ref published)), n => n == 1, Patience, "the first computation");

        for (var i = 0; i < 5; i++)
        {
            await QueueInLanguageAsync($"wb-burst-{i}", "kk");
        }

        // Within the interval nothing is recomputed: the burst waits, folded into one.
        Assert.Equal(0, metrics.Current.Lines.Single(l => l.Line == "111").Queue.Waiting);
        Assert.Equal(1, Volatile.Read(ref published));

        Clock.Advance(TimeSpan.FromSeconds(1));

        await Eventually.MatchAsync(() => Task.FromResult(metrics.Current.Lines.Single(l => l.Line == "111").Queue.Waiting), n => n == 5, Patience, "the burst on the wallboard");
        Assert.Equal(2, Volatile.Read(ref published));
        await metrics.StopAsync(CancellationToken.None);
    }

    private async Task QueueInLanguageAsync(string externalId, string language) =>
        await Service<Features.Intake.IntakeService>().SubmitAsync("test-gateway", new Features.Intake.ValidIntake(
            "111", Features.Contacts.ContactChannel.Voice, externalId, "+77011234567", language, null, null, false));

    [Fact]
    public async Task Today_on_a_line_starts_at_its_local_midnight()
    {
        // Start is 06:00 UTC. Move to 18:59:50 UTC: 23:59:50 in Almaty, so the contact arrives on Almaty's 23rd.
        Clock.Advance(new TimeSpan(12, 59, 50));
        var contactId = await QueueAsync("wb-midnight-1");
        await Service<QueueService>().ClaimAsync(contactId, Me);
        var metrics = Service<WallboardMetrics>();
        Assert.Equal(1, (await metrics.ComputeAsync()).Lines.Single(l => l.Line == "111").Today.Answered);

        Clock.Advance(TimeSpan.FromSeconds(10));

        var afterMidnight = (await metrics.ComputeAsync()).Lines.Single(l => l.Line == "111");
        Assert.Equal(0, afterMidnight.Today.Offered);
        Assert.Equal(1, afterMidnight.LastHour.Answered);
    }

    [Fact]
    public async Task The_supervisor_sees_only_their_lines()
    {
        var page = await OpenWallboardAsync();

        Assert.Empty(page.FindAll("[data-testid=line-board-117]"));
    }
}
