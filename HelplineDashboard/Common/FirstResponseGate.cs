using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Common;

/// <summary>
/// Opens when the app has sent its first HTTP response, or <see cref="Deadline"/> after the server started listening,
/// whichever comes first. Background services registered with
/// <see cref="FirstResponseGateExtensions.AddHostedServiceAfterFirstResponse{T}"/> start when it opens, so their first
/// database pass (EF's model, compiled queries) runs after the sign-in page instead of on the two cores beside it
/// (docs/decisions/0024-cold-start-margin.md).
/// </summary>
public sealed class FirstResponseGate(TimeProvider time)
{
    /// <summary>The longest the gate stays shut when no request comes (an app nobody has opened yet still works its outbox).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource<string> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _arming = new();
    private ITimer? _deadline;

    public bool IsOpen => _opened.Task.IsCompleted;

    /// <summary>Completes when the gate opens, with what opened it ("first response" or "deadline").</summary>
    public Task<string> Opened => _opened.Task;

    /// <summary>
    /// Starts the deadline (once). Deferred services call it when the host has started, server included: the host starts
    /// its services before the server, and on a loaded machine that alone can take longer than the deadline.
    /// </summary>
    public void Arm()
    {
        lock (_arming)
        {
            if (_deadline is null && !IsOpen)
            {
                _deadline = time.CreateTimer(_ => Open("deadline"), null, Deadline, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Opens the gate; later calls do nothing.</summary>
    public void Open(string reason)
    {
        if (_opened.TrySetResult(reason))
        {
            StartupTimeline.Mark($"gate opened ({reason})");
            lock (_arming)
            {
                _deadline?.Dispose();
            }
        }
    }
}

/// <summary>
/// Starts <typeparamref name="T"/> when the <see cref="FirstResponseGate"/> opens. One wrapper type per service: the
/// host's <c>AddHostedService</c> keeps one registration per implementation type, so a shared wrapper class would
/// silently start only the first service registered through it.
/// </summary>
internal sealed class AfterFirstResponse<T>(
    T inner,
    FirstResponseGate gate,
    IHostApplicationLifetime lifetime,
    IOptions<HostOptions> hostOptions,
    ILogger<AfterFirstResponse<T>> logger) : IHostedService
    where T : class, IHostedService
{
    // Never disposed: it has no timer to free, and the host may stop its services again after disposing the container
    // (WebApplicationFactory does).
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;
    private volatile bool _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(gate.Arm);
        _starting = StartWhenOpenAsync();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_started)
        {
            await inner.StopAsync(cancellationToken);
        }
    }

    private async Task StartWhenOpenAsync()
    {
        await ((Task)gate.Opened).WaitAsync(_stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_stopping.IsCancellationRequested)
        {
            return; // stopped before the gate opened: never started, nothing to stop
        }

        try
        {
            await inner.StartAsync(_stopping.Token);
            _started = true;
            StartupTimeline.Mark($"{typeof(T).Name} started");
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            Fail(ex);
            return;
        }

        // The host watches only the background services it starts itself; this one it starts through us, so a crash of
        // its loop is reported and handled (stop the app, by default) as the host would have.
        if (inner is BackgroundService { ExecuteTask: { } running })
        {
            _ = WatchAsync(running);
        }
    }

    private async Task WatchAsync(Task running)
    {
        try
        {
            await running;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Fail(ex);
        }
        catch (OperationCanceledException)
        {
            // Stopped: the normal end of a loop.
        }
    }

    private void Fail(Exception ex)
    {
        logger.LogCritical(ex, "{Service} failed", typeof(T).Name);
        if (hostOptions.Value.BackgroundServiceExceptionBehavior == BackgroundServiceExceptionBehavior.StopHost)
        {
            lifetime.StopApplication();
        }
    }
}

public static class FirstResponseGateExtensions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> (a singleton, unless already registered) as a hosted service that starts when
    /// the first HTTP response has been sent, or <see cref="FirstResponseGate.Deadline"/> after start. Registering the
    /// same service twice still starts it once.
    /// </summary>
    public static IServiceCollection AddHostedServiceAfterFirstResponse<T>(this IServiceCollection services)
        where T : class, IHostedService
    {
        services.TryAddSingleton<FirstResponseGate>();
        services.TryAddSingleton<T>();
        services.AddHostedService<AfterFirstResponse<T>>();
        return services;
    }

    /// <summary>Opens the <see cref="FirstResponseGate"/> once the first response has been sent (first in the pipeline).</summary>
    public static IApplicationBuilder UseFirstResponseGate(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetService<FirstResponseGate>();
        if (gate is null)
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            if (!gate.IsOpen)
            {
                StartupTimeline.MarkOnce("first request received");
                context.Response.OnCompleted(() =>
                {
                    gate.Open("first response");
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
    }
}
