namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>How transfer states read; the strings are localisation keys.</summary>
public static class TransferLabels
{
    public static string Status(TransferStatus status) => status switch
    {
        TransferStatus.Pending => "Waiting for an answer",
        TransferStatus.Accepted => "Accepted",
        TransferStatus.Declined => "Declined",
        TransferStatus.Cancelled => "Withdrawn",
        _ => status.ToString(),
    };
}
