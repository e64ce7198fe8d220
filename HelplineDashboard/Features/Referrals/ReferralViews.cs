namespace HelplineDashboard.Features.Referrals;

public sealed record SupportServiceView(int Id, string Line, string? Region, SupportServiceKind Kind, string Name, string Phone, string? Address, string? Hours, bool Active)
{
    public static SupportServiceView From(SupportService service) =>
        new(service.Id, service.Line, service.Region, service.Kind, service.Name, service.Phone, service.Address, service.Hours, service.Active);
}

public sealed record ReferralView(
    long Id,
    long CaseId,
    int ServiceId,
    string ServiceName,
    bool ConsentGiven,
    ReferralStatus Status,
    string ReferredByName,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ReferralView From(Referral referral) => new(
        referral.Id, referral.CaseId, referral.ServiceId, referral.ServiceName, referral.ConsentGiven, referral.Status,
        referral.ReferredByName, referral.CreatedAt, referral.UpdatedAt);
}

/// <summary>An administrator's new or changed directory entry.</summary>
public sealed class SupportServiceEdit
{
    public string Line { get; set; } = "";

    public string? Region { get; set; }

    public SupportServiceKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    public string? Address { get; set; }

    public string? Hours { get; set; }

    public bool Active { get; set; } = true;

    public static SupportServiceEdit From(SupportServiceView view) => new()
    {
        Line = view.Line, Region = view.Region, Kind = view.Kind, Name = view.Name, Phone = view.Phone,
        Address = view.Address, Hours = view.Hours, Active = view.Active,
    };
}

public static class ReferralLabels
{
    public static string Kind(SupportServiceKind kind) => kind switch
    {
        SupportServiceKind.Shelter => "Shelter",
        SupportServiceKind.CrisisCentre => "Crisis centre",
        SupportServiceKind.LegalAid => "Legal aid",
        SupportServiceKind.Medical => "Medical",
        SupportServiceKind.SocialProtection => "Social protection office",
        _ => kind.ToString(),
    };

    public static string Status(ReferralStatus status) => status switch
    {
        ReferralStatus.Suggested => "Suggested",
        ReferralStatus.Made => "Made",
        ReferralStatus.Confirmed => "Confirmed",
        ReferralStatus.Declined => "Declined",
        _ => status.ToString(),
    };
}
