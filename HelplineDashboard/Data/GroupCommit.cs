using System.Threading.Channels;

namespace HelplineDashboard.Data;

/// <summary>
/// Group commit for a hot writer: requests hand their work over and wait; one loop takes every request waiting (up to
/// the batch size), lets <c>commit</c> apply them all in one transaction — one fsync with <c>synchronous = FULL</c> —
/// and answers each request only after that commit returned, so an answer still means "on disk".
/// <para>
/// A batch that throws is split: each of its requests is applied again on its own, so one request that cannot be
/// applied fails only itself. <c>commit</c> must therefore apply a batch all-or-nothing (one transaction). A failure
/// that <c>failsWholeBatch</c> names (a full disk, a database that cannot be opened) would fail each request alone as
/// well: it fails the whole batch at once instead of trying every request again on a storage that is down. On shutdown
/// the queue stops taking requests (<see cref="GroupCommitClosedException"/>), applies those already handed over, and
/// only then lets the host end. See docs/decisions/0015-claim-batching.md.
/// </para>
/// </summary>
public sealed class GroupCommit<TRequest, TAnswer> : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TAnswer>>> _commit;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly Func<Exception, bool> _failsWholeBatch;
    private readonly Channel<Handed> _handed;
    private readonly Task _loop;

    public GroupCommit(
        Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TAnswer>>> commit,
        int maxBatch,
        int maxWaiting,
        ILogger logger,
        Func<Exception, bool>? failsWholeBatch = null)
    {
        _commit = commit;
        _maxBatch = maxBatch;
        _logger = logger;
        _failsWholeBatch = failsWholeBatch ?? (_ => false);
        _handed = Channel.CreateBounded<Handed>(new BoundedChannelOptions(maxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Completes with the request's answer after the commit that applied it; throws what that commit threw. Not
    /// cancelled once handed over: the commit goes ahead either way.
    /// </summary>
    public async Task<TAnswer> SubmitAsync(TRequest request, CancellationToken cancellationToken)
    {
        var handed = new Handed(request);
        try
        {
            await _handed.Writer.WriteAsync(handed, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new GroupCommitClosedException(ex);
        }

        return await handed.Answer.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _handed.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            _logger.LogError("Group commit did not drain within {Timeout}", DrainTimeout);
        }
    }

    private async Task RunAsync()
    {
        var reader = _handed.Reader;
        var batch = new List<Handed>(_maxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (!await TryApplyAsync(batch) && batch.Count > 1)
            {
                _logger.LogWarning("A batch of {Count} failed; applying each of its requests alone", batch.Count);
                foreach (var one in batch)
                {
                    await TryApplyAsync([one]);
                }
            }
        }
    }

    /// <summary>Applies the batch and answers it; false (nobody answered yet) when it threw and can be split.</summary>
    private async Task<bool> TryApplyAsync(List<Handed> batch)
    {
        try
        {
            var answers = await _commit(batch.ConvertAll(h => h.Request));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(answers[i]);
            }

            return true;
        }
        catch (Exception ex) when (batch.Count > 1 && !_failsWholeBatch(ex))
        {
            _logger.LogDebug(ex, "Batch of {Count} failed", batch.Count);
            return false;
        }
        catch (Exception ex)
        {
            foreach (var handed in batch)
            {
                handed.Answer.TrySetException(ex);
            }

            return true;
        }
    }

    private sealed class Handed(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TAnswer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The app is shutting down and takes no new writes of this kind; the client tries again later.</summary>
public sealed class GroupCommitClosedException(Exception inner)
    : Features.Health.TemporarilyUnavailableException("The app is shutting down.", inner);
