using System.Net;
using HelplineDashboard.Common;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

public sealed class EscalationLifecycleTests
{
    [Fact]
    public async Task The_target_reports_progress_through_the_signed_callback()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var scenario = EscalationScenario.Start(receiver.Url);
        var escalation = await scenario.EscalateAsync();
        await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Sent);
        using var client = scenario.App.CreateClient();

        var acknowledged = await client.SendAsync(StatusCallback.Signed(escalation.Id.ToString(), "Acknowledged", TestReceiver.Secret));
        var dispatched = await client.SendAsync(StatusCallback.Signed(escalation.Id.ToString(), "Dispatched", TestReceiver.Secret, detail: "car 12 on its way"));
        var backwards = await client.SendAsync(StatusCallback.Signed(escalation.Id.ToString(), "Acknowledged", TestReceiver.Secret));

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
        Assert.Equal(EscalationStatus.Dispatched, (await scenario.ReadAsync(escalation.Id)).Status);
        await using var db = scenario.App.CreateDbContext();
        Assert.Contains(await db.EscalationEvents.Where(e => e.EscalationId == escalation.Id).Select(e => e.Detail).ToListAsync(), d => d.Contains("car 12"));
    }

    [Fact]
    public async Task A_callback_with_a_bad_signature_an_old_timestamp_or_an_unknown_id_is_refused()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var scenario = EscalationScenario.Start(receiver.Url);
        var escalation = await scenario.EscalateAsync();
        await scenario.WaitForStatusAsync(escalation.Id, EscalationStatus.Sent);
        using var client = scenario.App.CreateClient();

        var wrongSecret = await client.SendAsync(StatusCallback.Signed(escalation.Id.ToString(), "Resolved", "whsec_bm90LXRoZS1zZWNyZXQ="));
        var stale = await client.SendAsync(StatusCallback.Signed(escalation.Id.ToString(), "Resolved", TestReceiver.Secret, at: DateTimeOffset.UtcNow.AddHours(-1)));
        var unsigned = await client.PostAsync($"/api/v1/escalations/{escalation.Id}/status", new StringContent("""{"status":"Resolved"}""", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await client.SendAsync(StatusCallback.Signed(Guid.NewGuid().ToString(), "Resolved", TestReceiver.Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrongSecret.Content.Headers.ContentType?.MediaType);
        Assert.Equal(EscalationStatus.Sent, (await scenario.ReadAsync(escalation.Id)).Status);
    }

    [Fact]
    public async Task An_escalation_requested_before_a_crash_is_delivered_exactly_once_after_restart()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), "helpline-tests", $"restart-{Guid.NewGuid():N}.db");
        var sameDatabase = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Helpline"] = $"Data Source={database}",
            ["DataProtection:KeysPath"] = Path.ChangeExtension(database, ".keys"),
        };

        EscalationView requested;
        var stopped = new Dictionary<string, string?>(sameDatabase) { ["Escalations:DispatcherEnabled"] = "false" };
        await using (var beforeCrash = EscalationScenario.Start(receiver.Url, stopped))
        {
            // The counsellor sees "Requested"; the process dies before the dispatcher sends anything.
            requested = await beforeCrash.EscalateAsync();
            Assert.Equal(EscalationStatus.Requested, requested.Status);
        }

        Assert.Empty(receiver.Received);

        await using var afterRestart = EscalationScenario.Start(receiver.Url, sameDatabase);
        var delivery = await receiver.NextAsync();
        await afterRestart.WaitForStatusAsync(requested.Id, EscalationStatus.Sent);

        Assert.Equal(requested.Id.ToString(), delivery.Id);
        Assert.True(delivery.SignatureValid);
        Assert.Equal(DeliveryState.Delivered, (await afterRestart.DeliveryAsync(requested.Id)).State);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_target_without_an_endpoint_raises_the_alarm_at_once_and_a_manual_call_closes_it()
    {
        await using var scenario = EscalationScenario.Start(endpoint: "");

        var escalation = await scenario.EscalateAsync();

        Assert.True(escalation.Alarm);
        Assert.Equal("102", escalation.TargetPhone);
        await using (var db = scenario.App.CreateDbContext())
        {
            Assert.False(await db.EscalationDeliveries.AnyAsync(d => d.EscalationId == escalation.Id));
        }

        var recorded = await scenario.Service<EscalationService>().RecordManualCallAsync(escalation.Id, "Operator Serikova, ref 4471", null, scenario.Counsellor);

        Assert.False(recorded.Alarm);
        Assert.Equal("Operator Serikova, ref 4471", recorded.OperatorReference);
        Assert.Equal("Aigerim", recorded.PhonedManuallyByName);
        await Assert.ThrowsAsync<HelplineRuleException>(() =>
            scenario.Service<EscalationService>().RecordManualCallAsync(escalation.Id, "again", null, scenario.Counsellor));
    }

    [Fact]
    public async Task An_escalation_not_sent_in_time_raises_the_alarm_live()
    {
        var nobodyListening = TestReceiver.FreePort();
        await using var scenario = EscalationScenario.Start($"http://127.0.0.1:{nobodyListening}/escalations",
            new Dictionary<string, string?> { ["Escalations:FallbackAfterSeconds"] = "4" });
        var alarmed = new TaskCompletionSource<EscalationChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = scenario.Service<EscalationNotifier>().Subscribe(change =>
        {
            if (change.Alarm)
            {
                alarmed.TrySetResult(change);
            }

            return Task.CompletedTask;
        });

        var escalation = await scenario.EscalateAsync();
        Assert.False(escalation.Alarm);

        var change = await alarmed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(escalation.Id, change.EscalationId);
        var stored = await scenario.ReadAsync(escalation.Id);
        Assert.NotNull(stored.AlarmRaisedAt);
        Assert.Equal(EscalationStatus.Requested, stored.Status);
    }

    [Fact]
    public async Task Phoning_in_cancels_the_pending_delivery()
    {
        var nobodyListening = TestReceiver.FreePort();
        await using var scenario = EscalationScenario.Start($"http://127.0.0.1:{nobodyListening}/escalations");
        var escalation = await scenario.EscalateAsync();

        await scenario.Service<EscalationService>().RecordManualCallAsync(escalation.Id, "ref 12", null, scenario.Counsellor);

        Assert.Equal(DeliveryState.Cancelled, (await scenario.DeliveryAsync(escalation.Id)).State);
    }

    [Fact]
    public async Task A_colleague_cannot_record_a_manual_call_on_someone_elses_case()
    {
        await using var scenario = EscalationScenario.Start(endpoint: "");
        var escalation = await scenario.EscalateAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => scenario.Service<EscalationService>()
            .RecordManualCallAsync(escalation.Id, "ref 1", null, TestActors.Counsellor("colleague", "Bakyt", "111")));
        var supervisorCall = await scenario.Service<EscalationService>()
            .RecordManualCallAsync(escalation.Id, "ref 2", null, TestActors.Supervisor("sup", "Dana", "111"));
        Assert.Equal("Dana", supervisorCall.PhonedManuallyByName);
    }

    [Fact]
    public async Task Supervisors_see_their_lines_escalations_with_alarms_first()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var scenario = EscalationScenario.Start(receiver.Url);
        var delivered = await scenario.EscalateAsync();
        await scenario.WaitForStatusAsync(delivered.Id, EscalationStatus.Sent);
        var alarmed = await scenario.EscalateAsync(target: "fire");
        var service = scenario.Service<EscalationService>();

        var forSupervisor = await service.ListForSupervisorAsync(TestActors.Supervisor("sup", "Dana", "111"), DateTime.UtcNow.AddHours(-1));
        var otherLine = await service.ListForSupervisorAsync(TestActors.Supervisor("sup2", "Nurlan", "117"), DateTime.UtcNow.AddHours(-1));

        Assert.Equal([alarmed.Id, delivered.Id], forSupervisor.Select(e => e.Id));
        Assert.True(forSupervisor[0].Alarm);
        Assert.Empty(otherLine);
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListForSupervisorAsync(scenario.Counsellor, DateTime.UtcNow.AddHours(-1)));
    }
}
