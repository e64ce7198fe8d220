using HelplineDashboard.Features.Queue;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelplineDashboard.Tests.Unit;

public sealed class NotifierTests
{
    private readonly QueueNotifier _notifier = new(NullLogger<QueueNotifier>.Instance);

    private static ContactClaimed Claimed(long id) => new(id, "111", "Bakyt", new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task A_busy_page_does_not_hold_up_the_publisher_but_a_service_does()
    {
        var pageBusy = new TaskCompletionSource();
        var serviceBusy = new TaskCompletionSource();
        using var page = _notifier.SubscribeDetached(_ => pageBusy.Task);
        using (_notifier.Subscribe(_ => serviceBusy.Task))
        {
            var publishing = _notifier.PublishAsync(Claimed(1));
            Assert.False(publishing.IsCompleted);

            serviceBusy.SetResult();
            await publishing.WaitAsync(TimeSpan.FromSeconds(10));
        }

        // With only the page subscribed, publishing is done before the page is.
        await _notifier.PublishAsync(Claimed(2)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(pageBusy.Task.IsCompleted);
        pageBusy.SetResult();
    }

    [Fact]
    public async Task A_page_is_handed_changes_in_the_order_they_were_published()
    {
        var seen = new List<long>();
        using var page = _notifier.SubscribeDetached(change =>
        {
            seen.Add(change.ContactId);
            return Task.CompletedTask;
        });

        for (var id = 1; id <= 50; id++)
        {
            await _notifier.PublishAsync(Claimed(id));
        }

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task A_failing_page_is_logged_and_does_not_fail_the_publisher()
    {
        using var page = _notifier.SubscribeDetached(_ => throw new InvalidOperationException("circuit gone"));

        await _notifier.PublishAsync(Claimed(1)).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
