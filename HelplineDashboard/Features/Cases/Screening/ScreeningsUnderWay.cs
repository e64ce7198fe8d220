namespace HelplineDashboard.Features.Cases;

/// <summary>
/// Lets the intake writer tell whether a risk screening may have committed while it read its callers' history. The
/// writer reads the history (and so the risk a new contact queues at) before its write transaction, to keep that
/// transaction short; a screening that commits in between raises the caller's waiting contacts but cannot see the new
/// one, not yet inserted. So each screening counts itself in before its transaction and out after it, and the writer,
/// inside its transaction, reads the risks again only when a screening started since the last one that had ended
/// before its read: almost never, and then the read is exact (SQLite holds one writer at a time).
/// </summary>
public sealed class ScreeningsUnderWay
{
    private long _started;
    private long _ended;

    /// <summary>Take before reading callers' history.</summary>
    public long Mark() => Interlocked.Read(ref _ended);

    /// <summary>Inside the write transaction: true when a screening may have committed after <paramref name="mark"/>.</summary>
    public bool AnySince(long mark) => Interlocked.Read(ref _started) != mark;

    /// <summary>Counts a screening in until the returned scope is disposed (after its commit or failure).</summary>
    public Scope Begin()
    {
        Interlocked.Increment(ref _started);
        return new Scope(this);
    }

    public readonly struct Scope(ScreeningsUnderWay owner) : IDisposable
    {
        public void Dispose() => Interlocked.Increment(ref owner._ended);
    }
}
