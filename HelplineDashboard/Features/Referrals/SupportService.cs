namespace HelplineDashboard.Features.Referrals;

/// <summary>One entry of the directory of support services a counsellor can refer a caller to, per line and region.</summary>
public sealed class SupportService
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 32;
    public const int MaxAddressLength = 300;
    public const int MaxHoursLength = 100;

    public int Id { get; set; }

    public required string Line { get; set; }

    /// <summary>The region it serves; null for the whole line (a national service).</summary>
    public string? Region { get; set; }

    public SupportServiceKind Kind { get; set; }

    public required string Name { get; set; }

    public required string Phone { get; set; }

    public string? Address { get; set; }

    public string? Hours { get; set; }

    /// <summary>Retired entries stay for the referrals that point at them but are no longer offered.</summary>
    public bool Active { get; set; } = true;
}

public enum SupportServiceKind
{
    Shelter,
    CrisisCentre,
    LegalAid,
    Medical,
    SocialProtection,
}
