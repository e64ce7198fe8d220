using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using HelplineDashboard.Features.Escalations;

namespace HelplineDashboard.Tests.Support;

/// <summary>Builds the status report a target sends back to <c>/api/v1/escalations/{id}/status</c>.</summary>
public static class StatusCallback
{
    public static HttpRequestMessage Signed(string escalationId, string status, string secret, DateTimeOffset? at = null, string? detail = null)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { status, detail }));
        var messageId = $"msg_{Guid.NewGuid():N}";
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/escalations/{escalationId}/status") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.IdHeader, messageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, messageId, timestamp, body));
        return request;
    }
}
