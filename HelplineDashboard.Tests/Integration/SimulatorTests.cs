using Microsoft.Extensions.DependencyInjection;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Simulator;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

public sealed class SimulatorTests
{
    [Fact]
    public async Task In_Development_the_simulator_feeds_contacts_through_intake_when_enabled()
    {
        await using var factory = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?>
        {
            ["Simulator:Enabled"] = "true",
            ["Simulator:ContactsPerMinute"] = "600",
            ["Simulator:Seed"] = "7",
        });
        var threeQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = 0;
        using var subscription = factory.Services.GetRequiredService<QueueNotifier>().Subscribe(change =>
        {
            if (change is ContactQueued && Interlocked.Increment(ref queued) >= 3)
            {
                threeQueued.TrySetResult();
            }

            return Task.CompletedTask;
        });

        await threeQueued.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await using var db = factory.CreateDbContext();
        var fed = await db.Contacts.Where(c => c.Gateway == ContactSimulator.GatewayName).ToListAsync();
        Assert.True(fed.Count >= 3, $"the simulator fed {fed.Count} contacts");
        Assert.All(fed, c => Assert.Equal(ContactStatus.Waiting, c.Status));
    }

    [Fact]
    public async Task The_simulator_is_off_when_disabled()
    {
        await using var factory = new HelplineAppFactory();
        _ = factory.Server;

        var simulator = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ContactSimulator>().SingleOrDefault();

        Assert.True(simulator is null || simulator.ExecuteTask is null || simulator.ExecuteTask.IsCompleted);
    }
}
