using System.Globalization;
using CsvHelper;

namespace HelplineDashboard.Features.Reports;

/// <summary>Writes report rows as CSV (CsvHelper): the statistical columns only, invariant culture, ISO dates.</summary>
public static class ReportCsv
{
    public static readonly string[] Header =
    [
        "day", "line", "channel", "region", "category", "risk", "outcome",
        "offered", "answered", "abandoned", "short_abandoned", "answered_within_threshold", "answer_seconds_total",
    ];

    public static async Task WriteAsync(Stream output, IEnumerable<ReportRow> rows, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync(Fields(row), cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string[] Fields(ReportRow row) =>
    [
        row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.Line,
        row.Channel.ToString(),
        row.Region,
        row.Category,
        row.Risk.ToString(),
        row.Outcome,
        row.Offered.ToString(CultureInfo.InvariantCulture),
        row.Answered.ToString(CultureInfo.InvariantCulture),
        row.Abandoned.ToString(CultureInfo.InvariantCulture),
        row.ShortAbandoned.ToString(CultureInfo.InvariantCulture),
        row.AnsweredWithinThreshold.ToString(CultureInfo.InvariantCulture),
        row.AnswerSecondsTotal.ToString("0.###", CultureInfo.InvariantCulture),
    ];
}
