using System.Text.Json;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace HelplineDashboard.Tests.Integration;

public sealed class EscalationDeliveryTests
{
    [Fact]
    public async Task A_requested_escalation_is_delivered_once_signed_with_its_stable_id_and_marked_Sent()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var scenario = EscalationScenario.Start(receiver.Url);

        var escalation = await scenario.EscalateAsync();

        var delivery = await receiver.NextAsync();
        Assert.Equal(escalation.Id.ToString(), delivery.Id);
        Assert.True(delivery.SignatureValid);
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal(escalation.Id, body.GetProperty("id").GetGuid());
        Assert.Equal("Immediate", body.GetProperty("urgency").GetString());
        Assert.Equal("Astana", body.GetProperty("location").GetProperty("region").GetString());
        Assert.True(body.GetProperty("weaponsMentioned").GetBoolean());
        var sent = await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Sent);
        Assert.NotNull(sent.SentAt);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Stopping_the_app_while_a_delivery_is_on_its_way_lets_it_finish_and_records_it_sent()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Script(new Reply(200, Delay: TimeSpan.FromSeconds(1)));
        await using var scenario = EscalationScenario.Start(receiver.Url);
        var escalation = await scenario.EscalateAsync();
        await receiver.NextAsync(); // on its way: the service holds its answer for a second

        // Opened and used before the stop: once stopped, the app's Program disposes its services, which a context
        // takes (logging, field protection) when first used.
        await using var db = scenario.App.CreateDbContext();
        Assert.Equal(1, await db.EscalationDeliveries.CountAsync(d => d.EscalationId == escalation.Id));

        // What SIGTERM does: the console lifetime asks the host to stop and waits for it, within the shutdown time-out.
        await scenario.Service<IHost>().StopAsync();

        // Not cut off and left pending, to be sent again (and shown late) after the restart: delivered and recorded.
        Assert.Equal(EscalationStatus.Sent, (await db.Escalations.AsNoTracking().SingleAsync(e => e.Id == escalation.Id)).Status);
        var delivery = await db.EscalationDeliveries.AsNoTracking().SingleAsync(d => d.EscalationId == escalation.Id);
        Assert.Equal(DeliveryState.Delivered, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_until_the_target_is_up()
    {
        var port = TestReceiver.FreePort();
        await using var scenario = EscalationScenario.Start($"http://127.0.0.1:{port}/escalations");
        var escalation = await scenario.EscalateAsync();
        await Eventually.MatchAsync(() => scenario.DeliveryAsync(escalation.Id), d => d.Attempts >= 2, what: "two refused attempts");

        await using var receiver = await TestReceiver.StartAsync(port);

        var delivery = await receiver.NextAsync();
        Assert.Equal(escalation.Id.ToString(), delivery.Id);
        await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Sent);
        Assert.True((await scenario.DeliveryAsync(escalation.Id)).Attempts >= 3);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_time_out_is_retried_with_the_same_id()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Script(new Reply(200, Delay: TimeSpan.FromSeconds(5)));
        await using var scenario = EscalationScenario.Start(receiver.Url);

        var escalation = await scenario.EscalateAsync();

        await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Sent);
        Assert.True(receiver.Received.Count >= 2);
        Assert.All(receiver.Received, d => Assert.Equal(escalation.Id.ToString(), d.Id));
        Assert.True((await scenario.DeliveryAsync(escalation.Id)).Attempts >= 2);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_target_accepts()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Script(new Reply(500), new Reply(503), new Reply(502));
        await using var scenario = EscalationScenario.Start(receiver.Url);

        var escalation = await scenario.EscalateAsync();

        await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Sent);
        Assert.True(receiver.Received.Count >= 4, $"{receiver.Received.Count} attempts");
        Assert.All(receiver.Received, d => Assert.Equal(escalation.Id.ToString(), d.Id));
        Assert.All(receiver.Received, d => Assert.True(d.SignatureValid));
    }

    [Fact]
    public async Task Too_many_requests_waits_as_long_as_Retry_After_says()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Script(new Reply(429, RetryAfterSeconds: 1));
        await using var scenario = EscalationScenario.Start(receiver.Url);

        var escalation = await scenario.EscalateAsync();

        await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Sent);
        var attempts = receiver.Received.OrderBy(d => d.At).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {attempts[1].At - attempts[0].At}");
    }

    [Fact]
    public async Task A_client_error_fails_at_once_and_raises_the_alarm()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Script(new Reply(400));
        await using var scenario = EscalationScenario.Start(receiver.Url);

        var escalation = await scenario.EscalateAsync();

        var failed = await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Failed);
        Assert.NotNull(failed.AlarmRaisedAt);
        var delivery = await scenario.DeliveryAsync(escalation.Id);
        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Script(new Reply(307, Location: $"http://127.0.0.1:{receiver.Port}/moved"));
        await using var scenario = EscalationScenario.Start(receiver.Url);

        var escalation = await scenario.EscalateAsync();

        await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Failed);
        Assert.Single(receiver.Received);
    }
}
