namespace HelplineDashboard.Features.Cases.Transfers;

/// <summary>A transfer as the sender, a receiver or a supervisor sees it.</summary>
public sealed record TransferView(
    long Id,
    long CaseId,
    string Line,
    string FromName,
    string? ToName,
    string? ToSpecialism,
    string Note,
    TransferStatus Status,
    DateTime RequestedAt,
    DateTime? RespondedAt,
    string? RespondedByName,
    bool IsFromMe,
    bool IsOfferedToMe)
{
    public static TransferView From(CaseTransfer transfer, bool isFromMe, bool isOfferedToMe) => new(
        transfer.Id,
        transfer.CaseId,
        transfer.Line,
        transfer.FromName,
        transfer.ToName,
        transfer.ToSpecialism,
        transfer.Note,
        transfer.Status,
        transfer.RequestedAt,
        transfer.RespondedAt,
        transfer.RespondedByName,
        isFromMe,
        isOfferedToMe);
}

/// <summary>A colleague a case can be transferred to.</summary>
public sealed record Colleague(string UserId, string DisplayName, IReadOnlyList<string> Specialisms);

/// <summary>A transfer was requested or answered. Both sides' pages listen for it.</summary>
public sealed record TransferChanged(
    long TransferId,
    long CaseId,
    string Line,
    TransferStatus Status,
    string FromUserId,
    string? ToUserId,
    string? ToSpecialism,
    string? NewOwnerId);
