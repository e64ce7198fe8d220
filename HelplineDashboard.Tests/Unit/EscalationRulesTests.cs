using System.Text;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class EscalationRulesTests
{
    private static readonly DateTime Requested = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(30);

    private static Escalation Escalation(EscalationStatus status = EscalationStatus.Requested) => new()
    {
        Id = Guid.Parse("0199b3c2-7a10-7000-8000-00000abc1234"),
        Line = "111",
        Target = "police",
        TargetName = "Police",
        TargetPhone = "102",
        Region = "Astana",
        Address = "Kabanbay Batyr Ave 8",
        Summary = "Threats with a knife.",
        RequestedById = "c1",
        RequestedByName = "Aigerim",
        RequestedAt = Requested,
        Status = status,
    };

    [Fact]
    public void A_requested_escalation_is_not_an_alarm_before_the_fallback_time_and_is_one_after()
    {
        Assert.False(EscalationRules.IsAlarm(Escalation(), Requested.AddSeconds(29), Fallback));
        Assert.True(EscalationRules.IsAlarm(Escalation(), Requested.AddSeconds(30), Fallback));
    }

    [Fact]
    public void A_sent_escalation_is_not_an_alarm_unless_the_alarm_was_already_raised()
    {
        var sentInTime = Escalation(EscalationStatus.Sent);
        var sentLate = Escalation(EscalationStatus.Sent);
        sentLate.AlarmRaisedAt = Requested.AddSeconds(30);

        Assert.False(EscalationRules.IsAlarm(sentInTime, Requested.AddMinutes(5), Fallback));
        Assert.True(EscalationRules.IsAlarm(sentLate, Requested.AddMinutes(5), Fallback));
    }

    [Fact]
    public void A_failed_escalation_is_an_alarm_until_phoned_manually()
    {
        var failed = Escalation(EscalationStatus.Failed);
        Assert.True(EscalationRules.IsAlarm(failed, Requested.AddSeconds(1), Fallback));

        failed.PhonedManuallyAt = Requested.AddMinutes(1);

        Assert.False(EscalationRules.IsAlarm(failed, Requested.AddMinutes(2), Fallback));
    }

    [Fact]
    public void The_services_own_confirmation_closes_the_alarm()
    {
        var acknowledged = Escalation(EscalationStatus.Acknowledged);
        acknowledged.AlarmRaisedAt = Requested.AddSeconds(30);

        Assert.False(EscalationRules.IsAlarm(acknowledged, Requested.AddMinutes(1), Fallback));
    }

    [Theory]
    [InlineData(EscalationStatus.Sent, EscalationStatus.Acknowledged, true)]
    [InlineData(EscalationStatus.Requested, EscalationStatus.Acknowledged, true)]
    [InlineData(EscalationStatus.Acknowledged, EscalationStatus.Resolved, true)]
    [InlineData(EscalationStatus.Failed, EscalationStatus.Acknowledged, true)]
    [InlineData(EscalationStatus.Dispatched, EscalationStatus.Acknowledged, false)]
    [InlineData(EscalationStatus.Sent, EscalationStatus.Sent, false)]
    [InlineData(EscalationStatus.Sent, EscalationStatus.Failed, false)]
    [InlineData(EscalationStatus.Sent, EscalationStatus.Requested, false)]
    public void Targets_move_an_escalation_forward_only(EscalationStatus current, EscalationStatus reported, bool allowed)
    {
        Assert.Equal(allowed, EscalationRules.TargetMayReport(current, reported));
    }

    [Fact]
    public void Back_off_doubles_from_the_base_with_jitter_and_stops_at_the_cap()
    {
        var settings = new EscalationOptions { RetryBaseMilliseconds = 1000, RetryMaxMilliseconds = 60_000 };

        Assert.Equal(TimeSpan.FromSeconds(1), EscalationDispatcher.Backoff(1, settings, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(4), EscalationDispatcher.Backoff(3, settings, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(2), EscalationDispatcher.Backoff(3, settings, jitter: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(60), EscalationDispatcher.Backoff(20, settings, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(60), EscalationDispatcher.Backoff(1000, settings, jitter: 1));
        Assert.All(Enumerable.Range(0, 100), _ =>
        {
            var wait = EscalationDispatcher.Backoff(2, settings);
            Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        });
    }

    [Fact]
    public void A_signature_verifies_only_for_the_same_secret_id_timestamp_and_body()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var now = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);
        var body = Encoding.UTF8.GetBytes("""{"status":"Acknowledged"}""");
        var signature = WebhookSignature.Sign(secret, "msg_1", now.ToUnixTimeSeconds(), body);
        var timestamp = now.ToUnixTimeSeconds().ToString();

        Assert.StartsWith("v1,", signature);
        Assert.True(WebhookSignature.Verify(secret, "msg_1", timestamp, signature, body, now));
        Assert.True(WebhookSignature.Verify(secret, "msg_1", timestamp, "v1,bm9wZQ== " + signature, body, now));
        Assert.False(WebhookSignature.Verify("whsec_b3RoZXI=", "msg_1", timestamp, signature, body, now));
        Assert.False(WebhookSignature.Verify(secret, "msg_2", timestamp, signature, body, now));
        Assert.False(WebhookSignature.Verify(secret, "msg_1", timestamp, signature, Encoding.UTF8.GetBytes("""{"status":"Resolved"}"""), now));
        Assert.False(WebhookSignature.Verify(secret, "msg_1", timestamp, signature, body, now.AddMinutes(6)));
        Assert.False(WebhookSignature.Verify(secret, "msg_1", "not-a-number", signature, body, now));
        Assert.False(WebhookSignature.Verify(secret, "msg_1", timestamp, null, body, now));
    }

    [Fact]
    public void The_read_aloud_script_says_who_where_what_and_the_danger()
    {
        var escalation = Escalation();
        escalation.Landmarks = "behind the mosque";
        escalation.PeopleAtRisk = 3;
        escalation.ChildrenPresent = true;
        escalation.WeaponsMentioned = true;
        var view = EscalationView.From(escalation, Requested, Fallback);

        var script = EscalationScript.Build(view, "Aigerim Sadykova", new KeyLocalizer());

        Assert.Equal(
        [
            "This is counsellor Aigerim Sadykova of the 111 helpline. I am requesting the Police, reference 0ABC1234.",
            "Urgency: Immediate: life in danger now.",
            "Where: Astana, Kabanbay Batyr Ave 8. Landmarks: behind the mosque.",
            "Danger: people at risk: 3, children present, weapons mentioned.",
            "What is happening: Threats with a knife.",
        ], script);
    }
}
