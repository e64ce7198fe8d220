using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Wallboard;

namespace HelplineDashboard.Features.Reports;

/// <summary>What a report covers: local dates (inclusive) on each line, and optional filters.</summary>
public sealed record ReportFilter(
    DateOnly From,
    DateOnly To,
    string? Line = null,
    ContactChannel? Channel = null,
    string? Region = null,
    string? Category = null,
    RiskLevel? Risk = null,
    CaseOutcome? Outcome = null);

/// <summary>
/// One statistical row: counts for a local day, line, channel, region, category, risk and outcome. This is all the
/// CSV holds: no ids, names, numbers, messages or notes.
/// </summary>
public sealed record ReportRow(
    DateOnly Day,
    string Line,
    ContactChannel Channel,
    string Region,
    string Category,
    RiskLevel Risk,
    string Outcome,
    int Offered,
    int Answered,
    int Abandoned,
    int ShortAbandoned,
    int AnsweredWithinThreshold,
    double AnswerSecondsTotal);

/// <summary>Counts and rates per value of one dimension (channel, region, ...).</summary>
public sealed record ReportBreakdown(string Dimension, IReadOnlyList<ReportGroup> Groups);

public sealed record ReportGroup(string Key, PeriodFigures Figures);

public sealed record Report(ReportFilter Filter, PeriodFigures Totals, IReadOnlyList<ReportRow> Rows, IReadOnlyList<ReportBreakdown> Breakdowns);
