using HelplineDashboard.Common;
using Microsoft.Data.Sqlite;

namespace HelplineDashboard.Features.Health;

/// <summary>
/// Whether the dashboard can store what arrives. A storage fault marks it degraded at once; the next durable write
/// marks it healthy again, so it recovers by itself when space returns (gateways keep retrying after a 503).
/// Components show <see cref="Current"/> and subscribe to <see cref="HealthNotifier"/> for changes.
/// </summary>
public sealed class ServiceHealth(HealthNotifier notifier, TimeProvider time, ILogger<ServiceHealth> logger)
{
    private readonly Lock _gate = new();
    private HealthState _current = HealthState.Healthy;

    public HealthState Current => Volatile.Read(ref _current);

    public void ReportStorageFailure(SqliteException failure)
    {
        var reason = StorageFailure.Describe(failure);
        lock (_gate)
        {
            if (_current.Degraded && _current.Reason == reason)
            {
                return;
            }

            _current = new HealthState(true, reason, time.GetUtcNow().UtcDateTime);
        }

        logger.LogWarning("Storage degraded: {Reason} (SQLite code {Code})", reason, failure.SqliteErrorCode);
        Publish();
    }

    /// <summary>A write reached the disk. Cheap when already healthy.</summary>
    public void ReportStorageHealthy()
    {
        if (!Current.Degraded)
        {
            return;
        }

        lock (_gate)
        {
            if (!_current.Degraded)
            {
                return;
            }

            _current = HealthState.Healthy;
        }

        logger.LogInformation("Storage recovered");
        Publish();
    }

    private void Publish()
    {
        var state = Current;
        _ = notifier.PublishAsync(state);
    }
}

/// <summary>Degraded with a short reason (no personal data) since a time, or healthy.</summary>
public sealed record HealthState(bool Degraded, string? Reason, DateTime? Since)
{
    public static readonly HealthState Healthy = new(false, null, null);
}

/// <summary>Publishes every change of <see cref="ServiceHealth"/>.</summary>
public sealed class HealthNotifier(ILogger<HealthNotifier> logger) : Notifier<HealthState>(logger);
