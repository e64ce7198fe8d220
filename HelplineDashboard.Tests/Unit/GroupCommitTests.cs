using HelplineDashboard.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelplineDashboard.Tests.Unit;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Requests_handed_over_while_a_commit_runs_are_applied_together_in_the_next_one()
    {
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<IReadOnlyList<int>>();
        await using var commits = new GroupCommit<int, string>(async batch =>
        {
            lock (batches)
            {
                batches.Add(batch);
            }

            if (batch.Contains(0))
            {
                firstEntered.SetResult();
                await firstMayFinish.Task;
            }

            return batch.Select(n => $"done {n}").ToList();
        }, maxBatch: 64, maxWaiting: 256, NullLogger.Instance);

        var first = commits.SubmitAsync(0, CancellationToken.None);
        await firstEntered.Task;
        var waiting = Enumerable.Range(1, 10).Select(n => commits.SubmitAsync(n, CancellationToken.None)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        firstMayFinish.SetResult();

        Assert.Equal("done 0", await first);
        var answered = await Task.WhenAll(waiting);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"done {n}"), answered);
        Assert.Equal([[0], Enumerable.Range(1, 10).ToList()], batches.Select(b => b.ToList()).ToList());
    }

    [Fact]
    public async Task A_request_that_cannot_be_applied_fails_alone_and_the_rest_of_its_batch_is_answered()
    {
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var commits = new GroupCommit<int, int>(async batch =>
        {
            if (batch.Contains(0))
            {
                firstEntered.SetResult();
                await firstMayFinish.Task;
            }

            return batch.Contains(13) ? throw new InvalidOperationException("cannot apply 13") : batch.Select(n => n * 2).ToList();
        }, maxBatch: 64, maxWaiting: 256, NullLogger.Instance);

        var first = commits.SubmitAsync(0, CancellationToken.None);
        await firstEntered.Task;
        var good = new[] { 12, 14, 15 }.Select(n => commits.SubmitAsync(n, CancellationToken.None)).ToList();
        var bad = commits.SubmitAsync(13, CancellationToken.None);
        firstMayFinish.SetResult();

        Assert.Equal(0, await first);
        var answered = await Task.WhenAll(good);
        Assert.Equal([24, 28, 30], answered);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("cannot apply 13", refused.Message);
    }

    [Fact]
    public async Task A_failure_that_fails_the_whole_batch_fails_every_request_at_once_without_applying_each_alone()
    {
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commitsTried = 0;
        await using var commits = new GroupCommit<int, int>(async batch =>
        {
            Interlocked.Increment(ref commitsTried);
            if (batch.Contains(0))
            {
                firstEntered.SetResult();
                await firstMayFinish.Task;
                return [0];
            }

            throw new IOException("disk full");
        }, maxBatch: 64, maxWaiting: 256, NullLogger.Instance, failsWholeBatch: ex => ex is IOException);

        var first = commits.SubmitAsync(0, CancellationToken.None);
        await firstEntered.Task;
        var waiting = Enumerable.Range(1, 10).Select(n => commits.SubmitAsync(n, CancellationToken.None)).ToList();
        firstMayFinish.SetResult();

        Assert.Equal(0, await first);
        foreach (var request in waiting)
        {
            var refused = await Assert.ThrowsAsync<IOException>(() => request);
            Assert.Equal("disk full", refused.Message);
        }

        Assert.Equal(2, commitsTried);
    }

    [Fact]
    public async Task After_shutdown_no_request_is_taken_and_those_handed_over_before_are_answered()
    {
        var mayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commits = new GroupCommit<int, int>(async batch =>
        {
            await mayFinish.Task;
            return batch.ToList();
        }, maxBatch: 64, maxWaiting: 256, NullLogger.Instance);
        var handed = commits.SubmitAsync(7, CancellationToken.None);

        var shutdown = commits.DisposeAsync().AsTask();
        await Assert.ThrowsAsync<GroupCommitClosedException>(() => commits.SubmitAsync(8, CancellationToken.None));
        mayFinish.SetResult();
        await shutdown;

        Assert.Equal(7, await handed);
    }
}
