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
        var request = WebhookSignature.SignedPost(new Uri($"/api/v1/escalations/{escalationId}/status", UriKind.Relative), secret, messageId, timestamp, body);
        return request;
    }
}
