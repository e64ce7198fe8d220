using Bunit;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Components;

/// <summary>A contact released back to the queue reappears, live, where it stood before it was claimed.</summary>
public sealed class ReleaseToQueueTests : HelplineTestContext
{
    private static IReadOnlyList<long> RowIds(IRenderedComponent<LiveQueue> queue) =>
        queue.FindAll("[data-testid=queue-row]").Select(row => long.Parse(row.GetAttribute("data-contact-id")!)).ToList();

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
    public async Task The_owner_releases_from_the_case_page_and_goes_back_to_the_queue()
    {
        var contactId = await QueueAsync("r-page");
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;
        var page = Render<Features.Cases.CasePage>(p => p.Add(c => c.CaseId, caseId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=release-panel]")));

        // MudSelect opens a popover; choosing through the component keeps the test about the release, not the widget.
        var panel = page.FindComponent<ReleaseContactPanel>();
        var select = panel.FindComponent<MudBlazor.MudSelect<ReleaseReason?>>();
        await panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ReleaseReason.WrongLanguage));
        panel.Find("button[data-testid=release-contact]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/queue", Service<Microsoft.AspNetCore.Components.NavigationManager>().Uri));
        Assert.Contains(await Service<QueueService>().ListWaitingAsync(Me), c => c.Id == contactId);
    }
}
