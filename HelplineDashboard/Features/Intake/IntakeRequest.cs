using HelplineDashboard.Features.Contacts;

namespace HelplineDashboard.Features.Intake;

/// <summary>The body of <c>POST /api/v1/contacts</c> as a gateway sends it. Everything is checked by <see cref="IntakeValidator"/>.</summary>
public sealed class IntakeRequest
{
    public string? Line { get; set; }

    public string? Channel { get; set; }

    public string? ExternalId { get; set; }

    public string? From { get; set; }

    public string? Language { get; set; }

    public string? Message { get; set; }

    public string? Region { get; set; }

    public bool? Urgent { get; set; }
}

/// <summary>An intake request that passed every rule, with the number in E.164 and the region in its configured spelling.</summary>
public sealed record ValidIntake(
    string Line,
    ContactChannel Channel,
    string ExternalId,
    string From,
    string Language,
    string? Message,
    string? Region,
    bool Urgent);
