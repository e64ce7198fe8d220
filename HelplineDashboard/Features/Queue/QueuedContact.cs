using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;

namespace HelplineDashboard.Features.Queue;

/// <summary>What the queue shows of a waiting contact: never the full number or the message.</summary>
public sealed record QueuedContact(
    long Id,
    string Line,
    ContactChannel Channel,
    string Language,
    string MaskedFrom,
    string? Region,
    bool Urgent,
    RiskLevel Risk,
    DateTime ArrivedAt,
    int EarlierContacts = 0,
    DateTime? LastContactAt = null)
{
    public static QueuedContact From(Contact contact) => new(
        contact.Id,
        contact.Line,
        contact.Channel,
        contact.Language,
        CallerNumbers.Mask(contact.From, contact.Channel),
        contact.Region,
        contact.Urgent,
        contact.Risk,
        contact.ArrivedAt,
        contact.EarlierContacts,
        contact.LastContactAt);
}
