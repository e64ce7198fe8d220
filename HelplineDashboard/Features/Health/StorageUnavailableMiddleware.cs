namespace HelplineDashboard.Features.Health;

/// <summary>
/// A request that fails on a passing storage fault answers 503 problem details with Retry-After instead of a 500,
/// and marks the service degraded. Nothing was committed for it: every write is one transaction.
/// </summary>
public static class StorageUnavailableMiddleware
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseStorageUnavailableAnswers(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (StorageFailure.Find(ex) is { } failure && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ServiceHealth>().ReportStorageFailure(failure);
                await AnswerUnavailableAsync(context, $"Storage is unavailable ({StorageFailure.Describe(failure)}).");
            }
            catch (TemporarilyUnavailableException ex) when (!context.Response.HasStarted)
            {
                await AnswerUnavailableAsync(context, ex.Message);
            }
        });

    private static Task AnswerUnavailableAsync(HttpContext context, string why)
    {
        context.Response.Clear();
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The service cannot store this right now.",
                detail: $"{why} Nothing was stored; retry after {RetryAfterSeconds} seconds.")
            .ExecuteAsync(context);
    }
}

/// <summary>A refusal that passes (shutting down, overloaded): answered 503 with Retry-After, not 500.</summary>
public class TemporarilyUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
