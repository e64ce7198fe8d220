using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>What the metrics hub pushes to TV wallboards and other systems.</summary>
public interface IMetricsClient
{
    Task MetricsUpdated(MetricsView metrics);
}

/// <summary>
/// <c>/hubs/metrics</c>: pushes each new wallboard snapshot, cut to the caller's lines, to wallboard keys
/// (<c>X-Api-Key</c> with the WallboardRead scope) and signed-in supervisors. Counsellors and anonymous callers are refused.
/// </summary>
[Authorize(Policy = MetricsEndpoints.WallboardPolicy)]
public sealed class MetricsHub(WallboardMetrics metrics, MetricsHubRelay relay) : Hub<IMetricsClient>
{
    public const string Path = "/hubs/metrics";

    /// <summary>One group per distinct set of lines, so each snapshot is cut once per set, not once per screen.</summary>
    public static string LinesGroup(IEnumerable<string> lines) => "lines:" + string.Join(',', lines.Order(StringComparer.Ordinal));

    public override async Task OnConnectedAsync()
    {
        var lines = MetricsView.LinesOf(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, LinesGroup(lines));
        relay.Remember(lines);
        await Clients.Caller.MetricsUpdated(MetricsView.From(await metrics.CurrentOrFirstAsync(Context.ConnectionAborted), lines));
        await base.OnConnectedAsync();
    }
}

/// <summary>Forwards every new snapshot to each line-set group of the metrics hub.</summary>
public sealed class MetricsHubRelay(WallboardNotifier notifier, IHubContext<MetricsHub, IMetricsClient> hub) : IHostedService
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<string>> _groups = new(StringComparer.Ordinal);
    private IDisposable? _subscription;

    /// <summary>A client joined the group of these lines; from now on each snapshot is cut for them too.</summary>
    public void Remember(IReadOnlySet<string> lines) => _groups.TryAdd(MetricsHub.LinesGroup(lines), lines);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(snapshot =>
            Task.WhenAll(_groups.Select(group => hub.Clients.Group(group.Key).MetricsUpdated(MetricsView.From(snapshot, group.Value)))));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
