using System.Net;
using HelplineDashboard.Common;
using HelplineDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Escalations;

/// <summary>
/// Works the escalation outbox: sends each pending delivery to its target as signed JSON, retries what failed for a
/// transient reason with exponential back-off and jitter, fails at once what the target refused, and raises the
/// phone-it-in alarm for anything not sent in time. It sleeps until the next thing is due or a new escalation
/// arrives; on start it picks up whatever an earlier process left pending.
/// </summary>
public sealed class EscalationDispatcher(
    IDbContextFactory<HelplineDbContext> dbFactory,
    IHttpClientFactory httpClients,
    EscalationTargetCatalog targets,
    EscalationNotifier notifier,
    IOptionsMonitor<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationDispatcher> logger) : WakeableLoopService(time, logger)
{
    public const string HttpClientName = "escalation-targets";

    /// <summary>Even with nothing due, look again this often, in case a wake-up was missed.</summary>
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(1);

    protected override IDisposable SubscribeWakeUps() =>
        notifier.Subscribe(change =>
        {
            if (change.Status == EscalationStatus.Requested)
            {
                Wake();
            }

            return Task.CompletedTask;
        });

    /// <summary>Sends what is due, raises due alarms, and says how long to sleep until the next thing is due.</summary>
    protected internal override async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = Time.GetUtcNow().UtcDateTime;
        if (settings.DispatcherEnabled)
        {
            List<long> due;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                due = await db.EscalationDeliveries.AsNoTracking()
                    .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now)
                    .OrderBy(d => d.NextAttemptAt)
                    .Select(d => d.Id)
                    .ToListAsync(cancellationToken);
            }

            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (id, ct) => await AttemptAsync(id, settings, ct));
        }

        await RaiseDueAlarmsAsync(settings, cancellationToken);
        return await TimeUntilNextDueAsync(settings, cancellationToken);
    }

    /// <summary>
    /// One delivery attempt. A stop of the app (SIGTERM) keeps new attempts from starting, but an attempt already on its
    /// way runs to its end within its own time-out (shorter than the host's shutdown time-out) and its outcome is saved:
    /// a stop never leaves a delivered escalation recorded as waiting, to be sent again and shown late after the restart.
    /// </summary>
    private async Task AttemptAsync(long deliveryId, EscalationOptions settings, CancellationToken stopping)
    {
        await using var db = await dbFactory.CreateDbContextAsync(stopping);
        var delivery = await db.EscalationDeliveries.Include(d => d.Escalation).SingleAsync(d => d.Id == deliveryId, stopping);
        var escalation = delivery.Escalation!;
        if (delivery.State != DeliveryState.Pending)
        {
            return;
        }

        var target = targets.Find(escalation.Line, escalation.Target);
        var outcome = target?.Endpoint is { Length: > 0 } endpoint
            ? await SendAsync(escalation, endpoint, target.Secret ?? "", settings)
            : AttemptOutcome.Permanent("the target has no endpoint any more");

        var now = Time.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastError = outcome.Error;
        if (outcome.Kind == OutcomeKind.Delivered)
        {
            delivery.State = DeliveryState.Delivered;
            delivery.CompletedAt = now;
            if (escalation.Status is EscalationStatus.Requested or EscalationStatus.Failed)
            {
                escalation.Status = EscalationStatus.Sent;
                escalation.StatusChangedAt = now;
            }

            escalation.SentAt = now;
            escalation.Events.Add(new EscalationEvent { At = now, Status = EscalationStatus.Sent, Detail = $"delivered on attempt {delivery.Attempts}" });
            logger.LogInformation("Escalation {EscalationId} delivered on attempt {Attempt}", escalation.Id, delivery.Attempts);
        }
        else if (outcome.Kind == OutcomeKind.Permanent || now - delivery.CreatedAt >= TimeSpan.FromMinutes(settings.GiveUpAfterMinutes))
        {
            delivery.State = DeliveryState.Failed;
            delivery.CompletedAt = now;
            if (escalation.Status == EscalationStatus.Requested)
            {
                escalation.Status = EscalationStatus.Failed;
                escalation.StatusChangedAt = now;
            }

            escalation.AlarmRaisedAt ??= now;
            escalation.Events.Add(new EscalationEvent { At = now, Status = EscalationStatus.Failed, Detail = $"delivery failed: {outcome.Error}" });
            logger.LogError("Escalation {EscalationId} delivery failed for good after {Attempts} attempts: {Error}", escalation.Id, delivery.Attempts, outcome.Error);
        }
        else
        {
            var wait = outcome.RetryAfter ?? Backoff(delivery.Attempts, settings);
            delivery.NextAttemptAt = now + wait;
            logger.LogWarning("Escalation {EscalationId} attempt {Attempt} failed ({Error}); next in {Wait}", escalation.Id, delivery.Attempts, outcome.Error, wait);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (outcome.Kind != OutcomeKind.Transient || delivery.State == DeliveryState.Failed)
        {
            await notifier.PublishAsync(new EscalationChanged(escalation.Id, escalation.CaseId, escalation.Line, escalation.Status,
                EscalationRules.IsAlarm(escalation, now, settings.FallbackAfter)));
        }
    }

    private async Task<AttemptOutcome> SendAsync(Escalation escalation, string endpoint, string secret, EscalationOptions settings)
    {
        var body = EscalationPayload.Serialize(escalation);
        var id = escalation.Id.ToString();
        var timestamp = Time.GetUtcNow().ToUnixTimeSeconds();
        using var request = WebhookSignature.SignedPost(new Uri(endpoint), secret, id, timestamp, body);

        using var attempt = new CancellationTokenSource(TimeSpan.FromMilliseconds(settings.AttemptTimeoutMilliseconds));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => AttemptOutcome.Delivered(),
                429 => AttemptOutcome.Transient("429 Too Many Requests", RetryAfter(response)),
                408 or >= 500 => AttemptOutcome.Transient($"{status} {response.ReasonPhrase}", RetryAfter(response)),
                >= 300 and < 400 => AttemptOutcome.Permanent($"{status} redirect not followed"),
                _ => AttemptOutcome.Permanent($"{status} {response.ReasonPhrase}"),
            };
        }
        catch (OperationCanceledException)
        {
            return AttemptOutcome.Transient($"no answer within {settings.AttemptTimeoutMilliseconds} ms", null);
        }
        catch (HttpRequestException ex)
        {
            return AttemptOutcome.Transient(ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : ex.HttpRequestError.ToString(), null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - Time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>base × 2^(attempt−1), capped, then scaled by a random factor in [0.5, 1] so retries do not stampede.</summary>
    internal static TimeSpan Backoff(int attempt, EscalationOptions settings, double? jitter = null)
    {
        var exponential = settings.RetryBaseMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, settings.RetryMaxMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (jitter ?? (0.5 + (Random.Shared.NextDouble() / 2))));
    }

    private async Task RaiseDueAlarmsAsync(EscalationOptions settings, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var deadline = now - settings.FallbackAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overdue = await db.Escalations
            .Where(e => e.Status == EscalationStatus.Requested && e.AlarmRaisedAt == null && e.PhonedManuallyAt == null && e.RequestedAt <= deadline)
            .ToListAsync(cancellationToken);
        foreach (var escalation in overdue)
        {
            escalation.AlarmRaisedAt = now;
            escalation.Events.Add(new EscalationEvent { At = now, Status = escalation.Status, Detail = $"not sent within {settings.FallbackAfterSeconds} s: phone it in" });
        }

        if (overdue.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var escalation in overdue)
        {
            logger.LogError("Escalation {EscalationId} not sent within {Seconds} s: alarm raised", escalation.Id, settings.FallbackAfterSeconds);
            await notifier.PublishAsync(new EscalationChanged(escalation.Id, escalation.CaseId, escalation.Line, escalation.Status, Alarm: true));
        }
    }

    private async Task<TimeSpan> TimeUntilNextDueAsync(EscalationOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nextAttempt = settings.DispatcherEnabled
            ? await db.EscalationDeliveries.Where(d => d.State == DeliveryState.Pending).MinAsync(d => (DateTime?)d.NextAttemptAt, cancellationToken)
            : null;
        var oldestUnalarmed = await db.Escalations
            .Where(e => e.Status == EscalationStatus.Requested && e.AlarmRaisedAt == null && e.PhonedManuallyAt == null)
            .MinAsync(e => (DateTime?)e.RequestedAt, cancellationToken);
        var nextAlarm = oldestUnalarmed + settings.FallbackAfter;

        var next = new[] { nextAttempt, nextAlarm }.Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty(DateTime.MaxValue).Min();
        var wait = next == DateTime.MaxValue ? SafetyNet : next - Time.GetUtcNow().UtcDateTime;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > SafetyNet ? SafetyNet : wait;
    }

    private enum OutcomeKind
    {
        Delivered,
        Transient,
        Permanent,
    }

    private sealed record AttemptOutcome(OutcomeKind Kind, string? Error, TimeSpan? RetryAfter)
    {
        public static AttemptOutcome Delivered() => new(OutcomeKind.Delivered, null, null);

        public static AttemptOutcome Transient(string error, TimeSpan? retryAfter) => new(OutcomeKind.Transient, error, retryAfter);

        public static AttemptOutcome Permanent(string error) => new(OutcomeKind.Permanent, error, null);
    }
}
