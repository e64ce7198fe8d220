using Bunit;
using HelplineDashboard.Features.Queue;

namespace HelplineDashboard.Tests.Components;

/// <summary>The owner gives a claimed contact back to the queue from the case page.</summary>
public sealed class ReleaseToQueueTests : HelplineTestContext
{
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
