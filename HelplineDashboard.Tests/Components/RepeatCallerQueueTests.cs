using Bunit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Queue;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

public sealed class RepeatCallerQueueTests : HelplineTestContext
{
    private static AngleSharp.Dom.IElement Row(IRenderedComponent<LiveQueue> queue, long contactId) =>
        queue.Find($"[data-testid=queue-row][data-contact-id='{contactId}']").ParentElement!;

    [Fact]
    public async Task A_repeat_callers_row_says_so_and_offers_a_new_case_beside_joining_the_open_one()
    {
        var first = await QueueAsync("rq-1", from: "+77011112233");
        var caseId = (await Service<QueueService>().ClaimAsync(first, Me)).CaseId!.Value;
        Clock.Advance(TimeSpan.FromHours(2));
        var again = await QueueAsync("rq-2", from: "+77011112233");
        var stranger = await QueueAsync("rq-3", from: "+77019998877");

        var queue = Render<LiveQueue>();

        queue.WaitForAssertion(() => Assert.Contains("Repeat caller: earlier contacts — 1", Row(queue, again).TextContent));
        Assert.Empty(Row(queue, stranger).QuerySelectorAll("[data-testid=repeat-caller]"));
        Assert.Empty(Row(queue, stranger).QuerySelectorAll("[data-testid=claim-new-case]"));

        Row(queue, again).QuerySelector("[data-testid=claim-new-case]")!.Click();

        await using var db = Db();
        queue.WaitForAssertion(() => Assert.NotNull(db.Contacts.AsNoTracking().Single(c => c.Id == again).CaseId));
        var newCase = (await db.Contacts.SingleAsync(c => c.Id == again)).CaseId!.Value;
        Assert.NotEqual(caseId, newCase);
        // The claim commits before the page navigates: wait for the navigation too.
        queue.WaitForAssertion(() => Assert.EndsWith($"/cases/{newCase}", Service<NavigationManager>().Uri));
    }
}
