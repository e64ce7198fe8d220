using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelplineDashboard.Features.Escalations;

/// <summary>The JSON a target receives. Built only from the stored escalation, so every retry sends the same bytes.</summary>
public sealed record EscalationPayload(
    Guid Id,
    long CaseId,
    string Line,
    string Target,
    EscalationUrgency Urgency,
    EscalationLocation Location,
    int PeopleAtRisk,
    bool ChildrenPresent,
    bool WeaponsMentioned,
    string Summary,
    DateTime RequestedAt,
    string StatusCallback)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize(Escalation escalation) => JsonSerializer.SerializeToUtf8Bytes(
        new EscalationPayload(
            escalation.Id,
            escalation.CaseId,
            escalation.Line,
            escalation.Target,
            escalation.Urgency,
            new EscalationLocation(escalation.Region, escalation.Address, escalation.Landmarks),
            escalation.PeopleAtRisk,
            escalation.ChildrenPresent,
            escalation.WeaponsMentioned,
            escalation.Summary,
            escalation.RequestedAt,
            $"/api/v1/escalations/{escalation.Id}/status"),
        Json);
}

public sealed record EscalationLocation(string Region, string Address, string? Landmarks);
