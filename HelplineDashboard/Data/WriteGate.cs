namespace HelplineDashboard.Data;

/// <summary>
/// SQLite lets one writer in at a time and makes the others poll with growing sleeps (<c>busy_timeout</c>), which under
/// a burst turns into long, unfair waits. The app is the database's only writer process, so its hot writers (the
/// intake writer's batches, claims) queue here instead: first come, first served, no sleeping. <c>busy_timeout</c>
/// stays as the guard for writers that do not use the gate.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
