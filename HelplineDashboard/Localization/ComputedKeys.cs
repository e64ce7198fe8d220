using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Features.Reports;
using HelplineDashboard.Features.Simulator;
using HelplineDashboard.Features.Wallboard;

namespace HelplineDashboard.Localization;

/// <summary>
/// Localisation keys the UI builds at run time (enum names and label mappers), which a scan of the source for
/// localizer calls with a literal key cannot see. The resource test checks these too: when a component shows an enum or a label from a
/// mapper through <c>L[...]</c>, add it here. See docs/decisions/0010-ui-languages.md.
/// </summary>
public static class ComputedKeys
{
    public static IEnumerable<string> All() =>
    [
        .. Enum.GetValues<ContactChannel>().Select(ContactChannelLabels.Label),
        .. Enum.GetValues<EscalationStatus>().Select(s => s.ToString()),
        .. Enum.GetValues<EscalationUrgency>().Select(EscalationScript.UrgencyLabel),
        .. Enum.GetValues<RiskLevel>().Select(RiskLabels.Label),
        .. Enum.GetValues<CaseOutcome>().Select(OutcomeLabels.Label),
        .. Enum.GetValues<ApiKeyScope>().Select(AdministrationFormat.ScopeLabel),
        .. Enum.GetValues<AccountState>().Select(AdministrationFormat.StateLabel),
        .. Roles.All,
        .. Specialisms.All,
        .. HelplineIdentityErrorDescriber.Keys,
        .. SimulatedMessages.Keys,
        "Open",
        "Closed",
        .. Enum.GetValues<EscalationStatus>().Select(WallboardFormat.EscalationStatus),
        .. Enum.GetValues<PresenceStatus>().Select(PresenceLabels.Text),
        .. Enum.GetValues<AuditAction>().Select(AuditLabels.Action),
        .. AuditDetails.Fixed,
        .. AuditPhrases.All.Select(p => p.Key),
        .. Enum.GetValues<ReleaseReason>().Select(ReleaseReasonLabels.Label),
        .. Enum.GetValues<ReferralStatus>().Select(ReferralLabels.Status),
        .. Enum.GetValues<SupportServiceKind>().Select(ReferralLabels.Kind),
        .. Enum.GetValues<TransferStatus>().Select(TransferLabels.Status),
        .. Enum.GetValues<ScreeningAnswer>().Select(a => a.ToString()),
        .. ScreeningQuestion.All.Select(q => q.Text),

        // Seeded categories are data, shown through L[...] (a category an administrator adds shows as typed).
        .. CategorySeed.All.SelectMany(c => new[] { c.Group, c.Name }).Distinct(),

        // Reports: the breakdown titles (L["By " + dimension]) and the rows without a region, category or outcome.
        .. ReportDimensions.All.Select(d => "By " + d.ToLowerInvariant()),
        ReportService.NoRegion,
        ReportService.NoCategory,

        // Case timeline titles (TimelineEntry.Title); their string arguments are translated too.
        "Contact by {0}",
        "Note",
        "Correction to an earlier note",
        "Risk screened",
        "Risk screened, level overridden",
        "Escalation to {0} ({1})",
        "Safety plan changed",
        "Referral to {0} ({1})",
        "Callback scheduled for {0}",
        "Callback done",
        "Transfer to {0} requested",
        "Transfer to any {0} requested",
        "Transfer {0}",
    ];
}
