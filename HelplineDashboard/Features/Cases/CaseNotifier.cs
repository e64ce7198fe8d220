using HelplineDashboard.Common;

namespace HelplineDashboard.Features.Cases;

/// <summary>
/// Something on a case changed and was committed: a note, the risk screening, the safety plan, categories, a referral,
/// closing or reopening. Carries only ids: whoever shows the case reads it again through the case service, which
/// applies the access rule (a page open on a case it may no longer read then says so).
/// </summary>
public sealed record CaseChanged(long CaseId, string Line);

/// <summary>Case pages subscribe, so everyone looking at a case (its owner in another tab, a supervisor) sees changes live.</summary>
public sealed class CaseNotifier(ILogger<CaseNotifier> logger) : Notifier<CaseChanged>(logger);
