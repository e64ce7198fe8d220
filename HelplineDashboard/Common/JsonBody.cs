using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Common;

/// <summary>
/// Reads a bounded JSON request body. Too large answers 413, malformed answers 400 with an <c>errors</c>
/// entry for the field the parser stopped at, both as RFC 9457 problem details.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        var (body, tooLarge) = await BoundedBody.ReadAsync(http, maxBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        if (body.Length == 0)
        {
            return (null, Invalid("body", "A JSON body is required."));
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, options);
            return value is null ? (null, Invalid("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, Invalid(field, field == "body" ? "The body is not valid JSON." : $"'{field}' has the wrong type."));
        }
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
