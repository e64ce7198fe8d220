using System.Security.Cryptography;
using System.Text;

namespace HelplineDashboard.Features.Escalations;

/// <summary>
/// Standard Webhooks signatures: <c>webhook-signature: v1,base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}"))</c>,
/// with <c>webhook-id</c> and <c>webhook-timestamp</c> (Unix seconds) beside it.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>A JSON POST carrying the body and its three signature headers.</summary>
    public static HttpRequestMessage SignedPost(Uri target, string secret, string id, long timestamp, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IdHeader, id);
        request.Headers.Add(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, Sign(secret, id, timestamp, body));
        return request;
    }

    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var message = new byte[signed.Length + body.Length];
        signed.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(signed.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), message));
    }

    /// <summary>True when one of the space-separated signatures matches and the timestamp is within tolerance.</summary>
    public static bool Verify(string secret, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || !long.TryParse(timestamp, out var seconds) || string.IsNullOrEmpty(signatures))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }

    private static byte[] Key(string secret)
    {
        const string prefix = "whsec_";
        if (secret.StartsWith(prefix, StringComparison.Ordinal))
        {
            try
            {
                return Convert.FromBase64String(secret[prefix.Length..]);
            }
            catch (FormatException)
            {
                // Not base64 after all: use the text as it is.
            }
        }

        return Encoding.UTF8.GetBytes(secret);
    }
}
