using System.Text.RegularExpressions;
using Bunit;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

public sealed class LanguageAwareQueueTests : HelplineTestContext
{
    private async Task SpeaksAsync(Actor actor, string languages)
    {
        await using var db = Db();
        db.Users.Add(new ApplicationUser { Id = actor.UserId, UserName = actor.UserId, DisplayName = actor.DisplayName, Lines = string.Join(',', actor.Lines), Languages = languages });
        await db.SaveChangesAsync();
    }

    private async Task<long> QueueInAsync(string language, string externalId, string line = "111")
    {
        var from = line == "111" ? "+77011234567" : "+996555123456";
        return (await Service<IntakeService>().SubmitAsync("test-gateway", new ValidIntake(line, ContactChannel.Voice, externalId, from, language, null, null, false))).Id;
    }

    private static IReadOnlyList<long> RowIds(IRenderedComponent<LiveQueue> queue) =>
        queue.FindAll("[data-testid=queue-row]").Select(row => long.Parse(row.GetAttribute("data-contact-id")!)).ToList();

    private static IReadOnlyList<long> Flagged(IRenderedComponent<LiveQueue> queue) =>
        queue.FindAll("[data-testid=uncovered-language]")
            .Select(chip => long.Parse(chip.Closest("tr")!.QuerySelector("[data-testid=queue-row]")!.GetAttribute("data-contact-id")!))
            .ToList();

    /// <summary>A counsellor of Kazakh and Russian shows all languages and clicks Claim on the one (Uzbek) contact.</summary>
    private async Task<(IRenderedComponent<LiveQueue> Queue, long Uzbek)> ClickClaimOnAnUzbekContactAsync()
    {
        await SpeaksAsync(Me, "kk,ru");
        var uzbek = await QueueInAsync("uz", "uz-claim");
        var queue = Render<LiveQueue>();
        ShowAllLanguages(queue);
        queue.WaitForAssertion(() => Assert.Equal([uzbek], RowIds(queue)));
        queue.Find("[data-testid=claim]").Click();
        return (queue, uzbek);
    }

    private static void ShowAllLanguages(IRenderedComponent<LiveQueue> queue) => queue.WaitForAssertion(() =>
    {
        var marked = queue.Find("[data-testid=show-all-languages]");
        (marked.TagName == "INPUT" ? marked : marked.QuerySelector("input")!).Change(true);
    });

    [Fact]
    public async Task The_queue_shows_only_contacts_in_the_counsellors_languages_until_they_ask_for_all()
    {
        await SpeaksAsync(Me, "kk,ru");
        var uzbek = await QueueInAsync("uz", "uz-1");
        Clock.Advance(TimeSpan.FromSeconds(5));
        var kazakh = await QueueInAsync("kk", "kk-1");

        var queue = Render<LiveQueue>();

        queue.WaitForAssertion(() => Assert.Equal([kazakh], RowIds(queue)));
        Assert.Equal("1 more in other languages", queue.Find("[data-testid=other-languages-count]").TextContent);

        ShowAllLanguages(queue);

        // Their own languages first, though the Uzbek caller has waited longer.
        queue.WaitForAssertion(() => Assert.Equal([kazakh, uzbek], RowIds(queue)));
        Assert.Single(queue.FindAll("[data-testid=not-my-language]"));
    }

    [Fact]
    public async Task A_contact_arriving_in_another_language_stays_out_of_the_counsellors_view()
    {
        await SpeaksAsync(Me, "kk,ru");
        var queue = Render<LiveQueue>();
        queue.WaitForAssertion(() => Assert.NotNull(queue.Find("[data-testid=queue-empty]")));

        await QueueInAsync("uz", "uz-live");

        queue.WaitForAssertion(() => Assert.Equal("No one is waiting in your languages.", queue.Find("[data-testid=queue-empty]").TextContent));
        Assert.Empty(RowIds(queue));
    }

    [Fact]
    public async Task Claiming_out_of_language_asks_first_and_claims_only_after_confirmation()
    {
        var (queue, uzbek) = await ClickClaimOnAnUzbekContactAsync();

        queue.WaitForAssertion(() => Assert.Contains("This caller chose Uzbek", queue.Find("[data-testid=confirm-bar]").TextContent));
        await using (var db = Db())
        {
            Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == uzbek)).Status);
        }

        queue.Find("[data-testid=confirm]").Click();

        var navigation = Service<NavigationManager>();
        // The claim is answered after its batch commits (on the claim writer), so navigation may follow the last render.
        await Eventually.MatchAsync(() => Task.FromResult(navigation.Uri), uri => Regex.IsMatch(uri, @"/cases/\d+$"), what: "the case page opens");
        await using var after = Db();
        Assert.Equal(Me.UserId, (await after.Contacts.SingleAsync(c => c.Id == uzbek)).ClaimedById);
    }

    [Fact]
    public async Task Cancelling_the_confirmation_leaves_the_contact_waiting()
    {
        var (queue, uzbek) = await ClickClaimOnAnUzbekContactAsync();
        queue.WaitForAssertion(() => queue.Find("[data-testid=cancel-confirm]").Click());

        queue.WaitForAssertion(() => Assert.Empty(queue.FindAll("[data-testid=confirm-bar]")));
        await using var db = Db();
        Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == uzbek)).Status);
    }

    [Fact]
    public async Task The_supervisor_sees_contacts_no_one_online_speaks_flagged()
    {
        var supervisor = TestActors.Supervisor("sup-1", "Dana", "111");
        SignInAs(supervisor);
        var presence = Service<PresenceService>();
        var aigerim = TestActors.Counsellor("aigerim", "Aigerim", "111");
        await presence.CircuitUpAsync(aigerim, new HashSet<string> { "kk", "ru" });
        var kazakh = await QueueInAsync("kk", "cov-kk");
        var uzbek = await QueueInAsync("uz", "cov-uz");

        var queue = Render<LiveQueue>();

        queue.WaitForAssertion(() => Assert.Equal(2, RowIds(queue).Count));
        Assert.Equal([uzbek], Flagged(queue));
        Assert.Contains("1", queue.Find("[data-testid=uncovered-count]").TextContent);

        // Aigerim goes on a break: now no one online covers Kazakh either.
        await presence.SetAsync(aigerim, PresenceStatus.Break);

        queue.WaitForAssertion(() => Assert.Equal([kazakh, uzbek], Flagged(queue).Order()));
    }
}
