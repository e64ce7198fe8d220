namespace HelplineDashboard.Common;

/// <summary>
/// A background service that does one pass, then sleeps on the <see cref="TimeProvider"/> until the time the pass said
/// its next thing is due, or until something wakes it (<see cref="Wake"/>, usually from a notifier subscription).
/// Wake-ups that pile up during a pass fold into the next one. A failed pass is logged and tried again shortly.
/// </summary>
public abstract class WakeableLoopService(TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>The clock the loop sleeps on; derived passes read the time from it too.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>Does what is due now and returns how long to sleep until the next thing is due.</summary>
    protected internal abstract Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Subscribes to what should wake the loop early; disposed when the loop stops.</summary>
    protected abstract IDisposable SubscribeWakeUps();

    protected virtual TimeSpan RetryAfterFailure => TimeSpan.FromSeconds(1);

    protected void Wake() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wakeUps = SubscribeWakeUps();
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Service} pass failed; trying again shortly", GetType().Name);
                sleep = RetryAfterFailure;
            }

            // Whichever comes first; the other wait is cancelled so it cannot swallow a later wake-up.
            using (var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                await Task.WhenAny(_wake.WaitAsync(either.Token), Task.Delay(sleep, Time, either.Token));
                await either.CancelAsync();
            }

            while (_wake.Wait(0))
            {
                // Fold the other wake-ups that piled up into this pass.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
