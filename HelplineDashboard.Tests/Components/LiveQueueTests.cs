using System.Text.RegularExpressions;
using Bunit;
using HelplineDashboard.Tests.Support;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace HelplineDashboard.Tests.Components;

public sealed class LiveQueueTests : HelplineTestContext
{
    private static IReadOnlyList<long> RowIds(IRenderedComponent<LiveQueue> queue) =>
        queue.FindAll("[data-testid=queue-row]").Select(row => long.Parse(row.GetAttribute("data-contact-id")!)).ToList();

    [Fact]
    public async Task Shows_waiting_contacts_in_queue_order_with_masked_numbers()
    {
        var first = await QueueAsync("q-1", from: "+77011110011");
        Clock.Advance(TimeSpan.FromSeconds(30));
        var urgent = await QueueAsync("q-2", from: "+77022220022", urgent: true);

        var queue = Render<LiveQueue>();

        queue.WaitForAssertion(() => Assert.Equal([urgent, first], RowIds(queue)));
        Assert.Contains("+7 7** *** ** 11", queue.Markup);
        Assert.DoesNotContain("1110011", queue.Markup);
        Assert.DoesNotContain("first words", queue.Markup);
        Assert.Single(queue.FindAll("[data-testid=urgent]"));
    }

    [Fact]
    public async Task A_long_queue_renders_only_the_rows_in_view_not_every_waiting_contact()
    {
        for (var n = 0; n < 150; n++)
        {
            await QueueAsync($"long-{n}", from: $"+7701{n:D7}");
        }

        var queue = Render<LiveQueue>();

        queue.WaitForAssertion(() => Assert.Contains("150", queue.Find("[data-testid=waiting-count]").TextContent));
        var rendered = RowIds(queue).Count;
        Assert.InRange(rendered, 1, 149);
    }

    [Fact]
    public async Task A_contact_published_by_the_notifier_appears_without_reload()
    {
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.NotNull(queue.Find("[data-testid=queue-empty]")));

        var id = await QueueAsync("live-1");

        queue.WaitForAssertion(() => Assert.Equal([id], RowIds(queue)));
    }

    [Fact]
    public async Task A_burst_of_queue_changes_folds_into_one_render_per_interval()
    {
        Service<Microsoft.Extensions.Options.IOptionsMonitor<QueuePageOptions>>().CurrentValue.RenderIntervalMilliseconds = 1000;
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.NotNull(queue.Find("[data-testid=queue-empty]")));

        // After a quiet spell a change shows at once.
        var first = await QueueAsync("burst-1");
        queue.WaitForAssertion(() => Assert.Equal([first], RowIds(queue)));
        var renders = queue.RenderCount;

        var rest = new List<long>();
        for (var n = 2; n <= 6; n++)
        {
            rest.Add(await QueueAsync($"burst-{n}"));
        }

        // The burst shows at the end of the interval in one render (the one-second wait-time tick and the list re-measuring
        // may add two more); rendering each change would take at least five.
        Clock.Advance(TimeSpan.FromSeconds(1));
        queue.WaitForAssertion(() => Assert.Equal([first, .. rest], RowIds(queue)));
        Assert.InRange(queue.RenderCount - renders, 1, 3);
    }

    [Fact]
    public async Task A_contact_claimed_or_abandoned_elsewhere_leaves_the_queue()
    {
        var claimedElsewhere = await QueueAsync("gone-1");
        var abandoned = await QueueAsync("gone-2");
        var stays = await QueueAsync("stays-1");
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.Equal(3, RowIds(queue).Count));

        await Service<QueueNotifier>().PublishAsync(new ContactClaimed(claimedElsewhere, "111", "Bakyt", Clock.GetUtcNow().UtcDateTime));
        await Service<Features.Intake.IntakeService>().AbandonAsync("test-gateway", "gone-2");

        queue.WaitForAssertion(() => Assert.Equal([stays], RowIds(queue)));
        Assert.DoesNotContain(abandoned, RowIds(queue));
    }

    [Fact]
    public async Task Contacts_on_lines_the_counsellor_does_not_serve_are_not_shown()
    {
        await QueueAsync("kg-1", line: "117", from: "+996555123456");
        var queue = Render<LiveQueue>();

        await QueueAsync("kg-2", line: "117", from: "+996555654321");

        queue.WaitForAssertion(() => Assert.NotNull(queue.Find("[data-testid=queue-empty]")));
        Assert.Empty(RowIds(queue));
    }

    [Fact]
    public async Task The_claim_button_claims_the_contact_and_opens_its_case()
    {
        var id = await QueueAsync("claim-1");
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.Single(RowIds(queue)));

        queue.Find("[data-testid=claim]").Click();

        var navigation = Service<NavigationManager>();
        // The claim is answered after its batch commits (on the claim writer), so navigation may follow the last render.
        await Eventually.MatchAsync(() => Task.FromResult(navigation.Uri), uri => Regex.IsMatch(uri, @"/cases/\d+$"), what: "the case page opens");
        await using var db = Db();
        var contact = await db.Contacts.SingleAsync(c => c.Id == id);
        Assert.Equal(ContactStatus.Claimed, contact.Status);
        Assert.Equal(Me.UserId, contact.ClaimedById);
        Assert.EndsWith($"/cases/{contact.CaseId}", navigation.Uri);
    }

    [Fact]
    public async Task A_lost_claim_says_who_has_the_contact()
    {
        var id = await QueueAsync("lost-1");
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.Single(RowIds(queue)));
        await using (var db = Db())
        {
            // Claimed by a colleague a moment ago; the push has not reached this circuit yet.
            await db.Contacts.Where(c => c.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, ContactStatus.Claimed)
                .SetProperty(c => c.ClaimedByName, "Bakyt Toktogulov"));
        }

        queue.Find("[data-testid=claim]").Click();

        var snackbar = Service<ISnackbar>();
        queue.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message?.Contains("Bakyt Toktogulov") == true));
        queue.WaitForAssertion(() => Assert.Empty(RowIds(queue)));
        Assert.DoesNotContain("/cases/", Service<NavigationManager>().Uri);
    }

    [Fact]
    public async Task The_wait_time_ticks_as_the_clock_moves()
    {
        await QueueAsync("tick-1");
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.Equal("0:00", queue.Find("[data-testid=wait-time]").TextContent));

        Clock.Advance(TimeSpan.FromSeconds(65));

        queue.WaitForAssertion(() => Assert.Equal("1:05", queue.Find("[data-testid=wait-time]").TextContent));
    }

    [Fact]
    public async Task Disposing_the_queue_unsubscribes_from_the_notifier()
    {
        var notifier = Service<QueueNotifier>();
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.Equal(1, notifier.SubscriberCount));

        await DisposeComponentsAsync();

        Assert.Equal(0, notifier.SubscriberCount);
    }

    [Fact]
    public async Task A_high_risk_contact_shows_its_risk_badge()
    {
        var id = await QueueAsync("risk-1");
        await using (var db = Db())
        {
            await db.Contacts.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Risk, RiskLevel.High));
        }

        var queue = Render<LiveQueue>();

        queue.WaitForAssertion(() => Assert.Contains("High risk", queue.Find("[data-testid=risk-badge]").TextContent));
    }

    [Fact]
    public async Task A_released_contact_reappears_live_in_its_original_place()
    {
        var first = await QueueAsync("r-1");
        Clock.Advance(TimeSpan.FromSeconds(20));
        var second = await QueueAsync("r-2");
        Clock.Advance(TimeSpan.FromSeconds(20));
        var third = await QueueAsync("r-3");
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.Equal([first, second, third], RowIds(queue)));

        var colleague = TestActors.Counsellor("r-colleague", "Bakyt", "111");
        var caseId = (await Service<QueueService>().ClaimAsync(second, colleague)).CaseId!.Value;
        queue.WaitForAssertion(() => Assert.Equal([first, third], RowIds(queue)));

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Service<ContactReleaseService>().ReleaseAsync(caseId, ReleaseReason.WrongLanguage, colleague);

        queue.WaitForAssertion(() => Assert.Equal([first, second, third], RowIds(queue)));
    }

    [Fact]
    public async Task A_waiting_contact_moves_up_live_when_its_caller_is_screened_at_higher_risk_on_another_contact()
    {
        var colleague = TestActors.Counsellor("rr-colleague", "Bakyt", "111");
        var firstCall = await QueueAsync("rr-1", from: "+77013330033");
        var caseId = (await Service<QueueService>().ClaimAsync(firstCall, colleague)).CaseId!.Value;
        var someoneElse = await QueueAsync("rr-2", from: "+77014440044");
        Clock.Advance(TimeSpan.FromSeconds(30));
        var callsAgain = await QueueAsync("rr-3", from: "+77013330033");
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.Equal([someoneElse, callsAgain], RowIds(queue)));

        await Service<RiskScreeningService>().ScreenAsync(caseId, new ScreeningInput(Screenings.Yes("weapons")), colleague);

        queue.WaitForAssertion(() => Assert.Equal([callsAgain, someoneElse], RowIds(queue)));
        Assert.Contains("High risk", queue.Find("[data-testid=risk-badge]").TextContent);
    }
}
