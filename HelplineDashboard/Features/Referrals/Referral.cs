namespace HelplineDashboard.Features.Referrals;

/// <summary>A pointer from a case to a support service, with the caller's consent and where it stands.</summary>
public sealed class Referral
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string Line { get; set; }

    public int ServiceId { get; set; }

    /// <summary>The service's name when referred, so the case reads the same if the directory changes.</summary>
    public required string ServiceName { get; set; }

    public bool ConsentGiven { get; set; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Suggested;

    public required string ReferredById { get; set; }

    public required string ReferredByName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum ReferralStatus
{
    Suggested,
    Made,
    Confirmed,
    Declined,
}
