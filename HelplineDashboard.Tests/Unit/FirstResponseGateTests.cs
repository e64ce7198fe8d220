using HelplineDashboard.Common;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Retention;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

/// <summary>Background services held back until the first response, or the deadline, on a fake clock that never moves by itself.</summary>
public sealed class FirstResponseGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Deferred_services_start_when_the_first_response_has_been_sent_and_not_before()
    {
        await using var app = await StartAppAsync();
        var first = app.Services.GetRequiredService<FirstProbe>();
        var gate = app.Services.GetRequiredService<FirstResponseGate>();
        Assert.False(gate.IsOpen);
        Assert.Equal(0, first.Starts);

        using var response = await app.GetTestClient().GetAsync("/");

        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
        await first.Started.WaitAsync(Patience);
        Assert.Equal("first response", await gate.Opened.WaitAsync(Patience));
    }

    [Fact]
    public async Task With_no_request_the_deferred_services_start_at_the_deadline()
    {
        await using var app = await StartAppAsync();
        var first = app.Services.GetRequiredService<FirstProbe>();

        _clock.Advance(FirstResponseGate.Deadline - TimeSpan.FromMilliseconds(1));
        Assert.False(app.Services.GetRequiredService<FirstResponseGate>().IsOpen);
        Assert.Equal(0, first.Starts);

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await first.Started.WaitAsync(Patience);
        Assert.Equal("deadline", await app.Services.GetRequiredService<FirstResponseGate>().Opened.WaitAsync(Patience));
    }

    [Fact]
    public async Task Each_deferred_service_starts_once_even_when_registered_twice_and_stops_with_the_app()
    {
        var app = await StartAppAsync();
        var first = app.Services.GetRequiredService<FirstProbe>();
        var second = app.Services.GetRequiredService<SecondProbe>();

        app.Services.GetRequiredService<FirstResponseGate>().Open("test");
        await Task.WhenAll(first.Started, second.Started).WaitAsync(Patience);
        await app.StopAsync().WaitAsync(Patience);
        await app.DisposeAsync();

        Assert.Equal((1, 1), (first.Starts, first.Stops));
        Assert.Equal((1, 1), (second.Starts, second.Stops));
    }

    [Fact]
    public async Task Stopping_before_the_gate_opened_ends_at_once_and_never_starts_the_services()
    {
        var app = await StartAppAsync();
        var first = app.Services.GetRequiredService<FirstProbe>();

        await app.StopAsync().WaitAsync(Patience);
        await app.DisposeAsync();
        _clock.Advance(FirstResponseGate.Deadline);

        Assert.Equal((0, 0), (first.Starts, first.Stops));
    }

    [Fact]
    public async Task The_apps_background_services_are_each_deferred_exactly_once()
    {
        await using var factory = new HelplineAppFactory();
        var hosted = factory.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        foreach (var service in new[] { typeof(EscalationDispatcher), typeof(FollowUpDueMonitor), typeof(WallboardMetrics), typeof(RetentionService), typeof(StartupWarmUp) })
        {
            Assert.Single(hosted, type => type == typeof(AfterFirstResponse<>).MakeGenericType(service));
            Assert.DoesNotContain(service, hosted);
        }
    }

    private async Task<WebApplication> StartAppAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddHostedServiceAfterFirstResponse<FirstProbe>();
        builder.Services.AddHostedServiceAfterFirstResponse<SecondProbe>();
        builder.Services.AddHostedServiceAfterFirstResponse<FirstProbe>();
        var app = builder.Build();
        app.UseFirstResponseGate();
        app.MapGet("/", () => "hello");
        await app.StartAsync();
        return app;
    }

    public abstract class Probe : IHostedService
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _starts;
        private int _stops;

        public int Starts => Volatile.Read(ref _starts);

        public int Stops => Volatile.Read(ref _stops);

        public Task Started => _started.Task;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _starts);
            _started.TrySetResult();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _stops);
            return Task.CompletedTask;
        }
    }

    public sealed class FirstProbe : Probe;

    public sealed class SecondProbe : Probe;
}
