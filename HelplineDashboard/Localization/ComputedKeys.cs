using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;

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
        .. Enum.GetValues<ContactChannel>().Select(c => c.ToString()),
        .. Enum.GetValues<EscalationStatus>().Select(s => s.ToString()),
        .. Enum.GetValues<EscalationUrgency>().Select(EscalationScript.UrgencyLabel),
        .. Enum.GetValues<RiskLevel>().Select(RiskLabels.Label),
        .. Enum.GetValues<CaseOutcome>().Select(OutcomeLabels.Label),
        .. Enum.GetValues<ApiKeyScope>().Select(AdministrationFormat.ScopeLabel),
        .. Enum.GetValues<AccountState>().Select(AdministrationFormat.StateLabel),
        .. Roles.All,
        "Open",
        "Closed",
    ];
}
