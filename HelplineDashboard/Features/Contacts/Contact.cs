using HelplineDashboard.Features.Cases;

namespace HelplineDashboard.Features.Contacts;

/// <summary>One inbound interaction on a line and a channel, as posted by a gateway.</summary>
public sealed class Contact
{
    public long Id { get; set; }

    public required string Line { get; set; }

    public ContactChannel Channel { get; set; }

    /// <summary>The gateway that posted the contact; with <see cref="ExternalId"/> it is unique.</summary>
    public required string Gateway { get; set; }

    public required string ExternalId { get; set; }

    /// <summary>The caller's number in E.164 for Voice and Sms, or the chat handle. Encrypted at rest.</summary>
    public required string From { get; set; }

    /// <summary>Keyed hash of <see cref="From"/>: finds the caller's earlier contacts without the plain number.</summary>
    public string CallerKey { get; set; } = "";

    public required string Language { get; set; }

    public string? Message { get; set; }

    public string? Region { get; set; }

    public bool Urgent { get; set; }

    /// <summary>The risk known when the contact arrived; drives queue order.</summary>
    public RiskLevel Risk { get; set; } = RiskLevel.Standard;

    public ContactStatus Status { get; set; } = ContactStatus.Waiting;

    /// <summary>How many contacts the same caller made on this line before this one (see CallerHistory).</summary>
    public int EarlierContacts { get; set; }

    /// <summary>When the caller's latest earlier contact on this line arrived.</summary>
    public DateTime? LastContactAt { get; set; }

    public DateTime ArrivedAt { get; set; }

    public DateTime? ClaimedAt { get; set; }

    public string? ClaimedById { get; set; }

    public string? ClaimedByName { get; set; }

    public DateTime? AbandonedAt { get; set; }

    public long? CaseId { get; set; }

    public Case? Case { get; set; }

    /// <summary>Hash of the intake body; a replay with another body is a conflict.</summary>
    public required string RequestFingerprint { get; set; }
}

public enum ContactChannel
{
    Voice,
    Sms,
    Chat,
}

public enum ContactStatus
{
    Waiting,
    Claimed,
    Abandoned,
}
