using System.Text;
using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Escalations;

/// <summary>
/// Development only: a stand-in emergency service at <c>/dev/escalation-receiver/{line}/{code}</c>. It checks the
/// signature, accepts the escalation, and a few seconds later reports it Acknowledged through the signed status
/// callback, so the whole loop can be watched on a laptop.
/// </summary>
public static class DevelopmentReceiver
{
    public const string Path = "/dev/escalation-receiver";

    public static IEndpointRouteBuilder MapDevelopmentReceiver(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path + "/{line}/{code}", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        string line, string code, HttpContext http, EscalationTargetCatalog targets, IHttpClientFactory clients,
        TimeProvider time, ILogger<EscalationTargetCatalog> logger, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await BoundedBody.ReadAsync(http, 64 * 1024, cancellationToken);
        var secret = targets.Find(line, code)?.Secret ?? "";
        var id = http.Request.Headers[WebhookSignature.IdHeader].ToString();
        if (tooLarge is not null || !WebhookSignature.Verify(secret, id, http.Request.Headers[WebhookSignature.TimestampHeader],
                http.Request.Headers[WebhookSignature.SignatureHeader], body, time.GetUtcNow()))
        {
            return Results.Unauthorized();
        }

        var callback = new Uri(new Uri($"{http.Request.Scheme}://{http.Request.Host}"), $"/api/v1/escalations/{id}/status");
        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), time);
            var report = Encoding.UTF8.GetBytes("""{"status":"Acknowledged","detail":"development receiver: operator has it"}""");
            var messageId = Guid.NewGuid().ToString();
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = WebhookSignature.SignedPost(callback, secret, messageId, timestamp, report);
            try
            {
                using var response = await clients.CreateClient().SendAsync(request);
                logger.LogInformation("Development receiver acknowledged escalation {EscalationId}: {Status}", id, (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Development receiver could not call back for {EscalationId}", id);
            }
        }, CancellationToken.None);

        return Results.Accepted();
    }
}
