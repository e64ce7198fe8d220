using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Referrals;
using static HelplineDashboard.Features.Audit.AuditArg;

namespace HelplineDashboard.Features.Audit;

/// <summary>
/// Every audit detail that carries values. Writers store these (<see cref="AuditPhrase.Format"/>); the audit log shows
/// them in the reader's language (<see cref="AuditDetails.Display"/>). Their keys are localisation keys
/// (Localization/ComputedKeys.cs), so the resource test fails when a language lacks one. A detail written any other way
/// is shown as stored.
/// </summary>
public static class AuditPhrases
{
    // Claims and releases
    public static readonly AuditPhrase ClaimOpenedCase = new("opened {0}", Record);
    public static readonly AuditPhrase ClaimJoinedCase = new("joined {0}", Record);
    public static readonly AuditPhrase Released = new("released from {0}: {1}", Record, Named<ReleaseReason>(ReleaseReasonLabels.Label));
    public static readonly AuditPhrase ReleasedCaseDiscarded = new("released from {0}: {1}; empty case discarded", Record, Named<ReleaseReason>(ReleaseReasonLabels.Label));

    // Case work
    public static readonly AuditPhrase Note = new("note {0}", Number);
    public static readonly AuditPhrase NoteAmends = new("note {0} amends note {1}", Number, Number);
    public static readonly AuditPhrase Closed = new("outcome {0}", Named<CaseOutcome>(OutcomeLabels.Label));
    public static readonly AuditPhrase Reopened = new("was closed with outcome {0}; reason in a note", Named<CaseOutcome>(OutcomeLabels.Label));
    public static readonly AuditPhrase Screened = new("computed {0}, in force {1}", Named<RiskLevel>(RiskLabels.Label), Named<RiskLevel>(RiskLabels.Label));
    public static readonly AuditPhrase ScreenedOverridden = new("computed {0}, in force {1} (overridden)", Named<RiskLevel>(RiskLabels.Label), Named<RiskLevel>(RiskLabels.Label));
    public static readonly AuditPhrase Categories = new("categories {0}", Codes);
    public static readonly AuditPhrase Escalated = new("{0} to {1}", Record, Token);
    public static readonly AuditPhrase FollowUpScheduled = new("follow-up {0} due {1}", Number, Token);
    public static readonly AuditPhrase FollowUpDone = new("follow-up {0}", Number);
    public static readonly AuditPhrase Reassigned = new("from user {0} to user {1}: {2}", Token, Token, Text);
    public static readonly AuditPhrase Anonymised = new("{0} cases closed before {1}: {2}", Number, Token, Text);

    // Transfers
    public static readonly AuditPhrase TransferToPerson = new("transfer {0} to {1}", Number, Record);
    public static readonly AuditPhrase TransferToSpecialism = new("transfer {0} to specialism {1}", Number, ListOf(Specialisms.All));
    public static readonly AuditPhrase TransferAccepted = new("transfer {0} from {1}", Number, Record);
    public static readonly AuditPhrase Transfer = new("transfer {0}", Number) { Key = "transfer number {0}" }; // the case timeline has "Transfer {0}"
    public static readonly AuditPhrase TransferLapsed = new("transfer {0} lapsed: case no longer open with its sender", Number);

    // Referrals and the directory
    public static readonly AuditPhrase ReferralConsentGiven = new("referral {0} to {1}, {2}, consent given", Number, Record, Named<ReferralStatus>(ReferralLabels.Status));
    public static readonly AuditPhrase ReferralNoConsent = new("referral {0} to {1}, {2}, consent not given", Number, Record, Named<ReferralStatus>(ReferralLabels.Status));
    public static readonly AuditPhrase ReferralNowConsentGiven = new("referral {0}: {1}, consent given", Number, Named<ReferralStatus>(ReferralLabels.Status));
    public static readonly AuditPhrase ReferralNowNoConsent = new("referral {0}: {1}, consent not given", Number, Named<ReferralStatus>(ReferralLabels.Status));
    public static readonly AuditPhrase SupportServiceAdded = new("added on line {0}", Token);
    public static readonly AuditPhrase SupportServiceChanged = new("changed on line {0}", Token);

    // Settings and accounts
    public static readonly AuditPhrase Thresholds = new("service level {0}s at {1}%, short abandon {2}s, longest wait alarm {3}s", Number, Number, Number, Number);
    public static readonly AuditPhrase KeyCreated = new("created {0} ({1})", Text, Named<ApiKeyScope>(AdministrationFormat.ScopeLabel));
    public static readonly AuditPhrase UserCreated = new("created with roles {0}, lines {1}, languages {2}", ListOf(Roles.All), Codes, Codes);
    public static readonly AuditPhrase AccessChanged = new("roles {0}, lines {1}", ListOf(Roles.All), Codes);
    public static readonly AuditPhrase SpecialismsSet = new("specialisms {0}", ListOf(Specialisms.All));
    public static readonly AuditPhrase LanguagesSet = new("languages {0}", Codes);

    // Exports
    public static readonly AuditPhrase ReportExported = new("report csv {0}..{1} line {2}, {3} rows", Token, Token, Token, Number);
    public static readonly AuditPhrase ReportExportedAllLines = new("report csv {0}..{1} all lines, {2} rows", Token, Token, Number);

    /// <summary>All of them, most specific first: a stored detail is shown by the first that matches it.</summary>
    public static IReadOnlyList<AuditPhrase> All { get; } =
    [
        ClaimOpenedCase, ClaimJoinedCase, ReleasedCaseDiscarded, Released,
        NoteAmends, Note, Closed, Reopened, ScreenedOverridden, Screened, Categories, FollowUpScheduled, FollowUpDone,
        Reassigned, Anonymised,
        TransferToSpecialism, TransferLapsed, TransferToPerson, TransferAccepted, Transfer,
        ReferralConsentGiven, ReferralNoConsent, ReferralNowConsentGiven, ReferralNowNoConsent, SupportServiceAdded, SupportServiceChanged,
        Thresholds, KeyCreated, UserCreated, AccessChanged, SpecialismsSet, LanguagesSet, ReportExported, ReportExportedAllLines,
        Escalated,
    ];
}
