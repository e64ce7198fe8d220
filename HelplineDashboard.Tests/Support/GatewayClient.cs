using System.Net.Http.Json;

namespace HelplineDashboard.Tests.Support;

/// <summary>Posts contacts the way a telephony, SMS or chat gateway does.</summary>
public static class GatewayClient
{
    public static HttpClient For(HelplineAppFactory factory, string key = HelplineAppFactory.GatewayKey)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static object Contact(string externalId, string line = "111", string channel = "Voice", string from = "+77011234567",
        string language = "ru", string? message = null, string? region = null, bool urgent = false) =>
        new { line, channel, externalId, from, language, message, region, urgent };

    public static Task<HttpResponseMessage> PostContactAsync(this HttpClient gateway, object body) =>
        gateway.PostAsJsonAsync("/api/v1/contacts", body);

    /// <summary>An SMS with a 3,900-character message: a few of them fill a small disk.</summary>
    public static object Big(string externalId) => Contact(externalId, channel: "Sms", message: new string('ж', 3900));

    /// <summary>
    /// Posts big contacts <c>prefix-0</c>, <c>prefix-1</c>, … until one is not accepted (at most <paramref name="max"/>),
    /// adding each accepted one to <paramref name="acknowledged"/>; the first refusal and its external id, if any.
    /// </summary>
    public static async Task<(HttpResponseMessage? Refused, string? ExternalId)> PostBigUntilRefusedAsync(
        this HttpClient gateway, string prefix, int max, ICollection<string> acknowledged)
    {
        for (var n = 0; n < max; n++)
        {
            var externalId = $"{prefix}-{n}";
            var response = await gateway.PostContactAsync(Big(externalId));
            if (response.StatusCode != System.Net.HttpStatusCode.Created)
            {
                return (response, externalId);
            }

            acknowledged.Add(externalId);
        }

        return (null, null);
    }

    /// <summary>Posts a contact that must be accepted as new (201) and returns its id.</summary>
    public static async Task<long> QueueContactAsync(HelplineAppFactory factory, object contact)
    {
        using var gateway = For(factory);
        using var response = await gateway.PostContactAsync(contact);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
        return receipt!.Id;
    }

    private sealed record Receipt(long Id, string Status, int? Position);
}
