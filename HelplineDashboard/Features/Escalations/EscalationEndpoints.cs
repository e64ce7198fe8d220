using System.Text.Json;
using System.Text.Json.Serialization;
using HelplineDashboard.Common;
using HelplineDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Escalations;

/// <summary><c>POST /api/v1/escalations/{id}/status</c>: targets report progress, signed with the target's secret.</summary>
public static class EscalationEndpoints
{
    public const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapEscalationCallbacks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/escalations/{id:guid}/status", ReportStatusAsync)
            .AllowAnonymous() // authenticated by the HMAC signature instead
            .DisableAntiforgery()
            .WithTags("Escalations");
        return endpoints;
    }

    private static async Task<IResult> ReportStatusAsync(
        Guid id,
        HttpContext http,
        IDbContextFactory<HelplineDbContext> dbFactory,
        EscalationTargetCatalog targets,
        EscalationService escalations,
        TimeProvider time,
        ILogger<EscalationService> logger,
        CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await BoundedBody.ReadAsync(http, MaxBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        string? line;
        string? targetCode;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var found = await db.Escalations.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Line, e.Target }).SingleOrDefaultAsync(cancellationToken);
            line = found?.Line;
            targetCode = found?.Target;
        }

        if (line is null)
        {
            logger.LogWarning("Status callback for unknown escalation {EscalationId} from {RemoteIp} refused", id, http.Connection.RemoteIpAddress);
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such escalation.");
        }

        var secret = targets.Find(line, targetCode)?.Secret;
        var headers = http.Request.Headers;
        if (string.IsNullOrEmpty(secret) || !WebhookSignature.Verify(secret, headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader],
                headers[WebhookSignature.SignatureHeader], body, time.GetUtcNow()))
        {
            logger.LogWarning("Status callback for escalation {EscalationId} from {RemoteIp} refused: bad signature", id, http.Connection.RemoteIpAddress);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signature does not match.",
                detail: "Sign the body with the target's secret (webhook-id, webhook-timestamp, webhook-signature).");
        }

        StatusReport? report;
        try
        {
            report = JsonSerializer.Deserialize<StatusReport>(body, StatusReport.Json);
        }
        catch (JsonException)
        {
            report = null;
        }

        if (report?.Status is not { } reported || !Enum.IsDefined(reported))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Report Acknowledged, Dispatched or Resolved."] });
        }

        return await escalations.ApplyTargetReportAsync(id, reported, report.Detail, cancellationToken) switch
        {
            TargetReportResult.Applied => Results.Ok(new { id, status = reported }),
            TargetReportResult.Refused => Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "That status does not follow the escalation's current status."),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such escalation."),
        };
    }

    private sealed record StatusReport(EscalationStatus? Status, string? Detail)
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    }
}
