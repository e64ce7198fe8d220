namespace HelplineDashboard.Features.Contacts;

/// <summary>The English key (for <c>L[...]</c>) of each channel. "SMS", not the enum's "Sms": resource names differ by more than case.</summary>
public static class ContactChannelLabels
{
    public static string Label(ContactChannel channel) => channel switch
    {
        ContactChannel.Voice => "Voice",
        ContactChannel.Sms => "SMS",
        _ => "Chat",
    };
}
