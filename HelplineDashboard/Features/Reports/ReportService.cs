using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Lines;
using HelplineDashboard.Features.Wallboard;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Reports;

/// <summary>
/// Statistics for policymaking over a date range: counts and rates by line, channel, region, category, risk and
/// outcome. Supervisors, for their lines. Reads only what statistics need; never a number, name, message or note.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    LineCatalog lineCatalog,
    ThresholdService thresholds,
    AuditLog audit)
{
    public const int MaxDays = 366;
    public const string NoOutcome = "Open";
    public const string NoRegion = "Unknown";

    /// <summary>The category of a contact without a case, or of a case no category was chosen for.</summary>
    public const string NoCategory = "Uncategorised";

    public async Task<Report> RunAsync(ReportFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        var lines = LinesFor(filter, actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Rows (and the CSV) have one per category: a contact whose case has two categories counts in both. Totals and
        // every other breakdown count each contact once, from the same contacts without the category.
        var byCategory = new Dictionary<ReportKey, ContactCounts>();
        var once = new Dictionary<ReportKey, ContactCounts>();
        foreach (var line in lines)
        {
            var limits = await thresholds.GetAsync(line.Code, cancellationToken);
            await CountAsync(db, line, filter, limits, byCategory, once, cancellationToken);
        }

        var rows = Rows(byCategory);
        var contacts = Rows(once);
        return new Report(filter, Sum(contacts), rows,
        [
            Breakdown(ReportDimensions.Day, contacts, r => r.Day.ToString("yyyy-MM-dd")),
            Breakdown(ReportDimensions.Line, contacts, r => r.Line),
            Breakdown(ReportDimensions.Channel, contacts, r => r.Channel.ToString()),
            Breakdown(ReportDimensions.Region, contacts, r => r.Region),
            Breakdown(ReportDimensions.Category, rows, r => r.Category),
            Breakdown(ReportDimensions.Risk, contacts, r => r.Risk.ToString()),
            Breakdown(ReportDimensions.Outcome, contacts, r => r.Outcome),
        ]);
    }

    /// <summary>
    /// The categories a report can filter on: every category's name (retired ones too, older cases carry them) and
    /// <see cref="NoCategory"/> for cases without one and contacts without a case.
    /// </summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSupervisor)
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(cancellationToken);
        return [.. names.Distinct(StringComparer.Ordinal), NoCategory];
    }

    private static List<ReportRow> Rows(Dictionary<ReportKey, ContactCounts> tallies) => tallies
        .Select(g => Row(g.Key, g.Value.Figures()))
        .OrderBy(r => r.Day).ThenBy(r => r.Line).ThenBy(r => r.Channel).ThenBy(r => r.Region, StringComparer.Ordinal)
        .ThenBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Risk).ThenBy(r => r.Outcome, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The report's rows for the CSV; the export is audited (who, which range and lines, how many rows). The line is
    /// written before the rows are returned, so a failed audit write fails the export: a file the audit log does not
    /// name is never handed out (a line for a download that then breaks off is the lesser failure).
    /// </summary>
    public async Task<IReadOnlyList<ReportRow>> ExportAsync(ReportFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        var report = await RunAsync(filter, actor, cancellationToken);
        await audit.WriteAsync(AuditAction.Exported, actor.UserId, actor.DisplayName, actor.Address,
            filter.Line is { } line
                ? AuditPhrases.ReportExported.Format(Day(filter.From), Day(filter.To), line, report.Rows.Count)
                : AuditPhrases.ReportExportedAllLines.Format(Day(filter.From), Day(filter.To), report.Rows.Count),
            cancellationToken);
        return report.Rows;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sums rows back into figures (rows carry counts, so any grouping of them is exact).</summary>
    public static PeriodFigures Sum(IEnumerable<ReportRow> rows)
    {
        int offered = 0, answered = 0, abandoned = 0, shortAbandoned = 0, within = 0;
        double seconds = 0;
        foreach (var row in rows)
        {
            offered += row.Offered;
            answered += row.Answered;
            abandoned += row.Abandoned;
            shortAbandoned += row.ShortAbandoned;
            within += row.AnsweredWithinThreshold;
            seconds += row.AnswerSecondsTotal;
        }

        return PeriodFigures.FromCounts(offered, answered, abandoned, shortAbandoned, within, seconds);
    }

    private IReadOnlyList<Line> LinesFor(ReportFilter filter, Actor actor)
    {
        if (!actor.IsSupervisor)
        {
            throw new AccessDeniedException();
        }

        if (filter.To < filter.From)
        {
            throw new HelplineRuleException("The end date is before the start date.");
        }

        if (filter.To.DayNumber - filter.From.DayNumber >= MaxDays)
        {
            throw new HelplineRuleException("A report covers at most a year.");
        }

        if (filter.Line is { } only && !actor.Serves(only))
        {
            throw new AccessDeniedException();
        }

        return lineCatalog.All.Where(l => actor.Serves(l.Code) && (filter.Line is null || filter.Line == l.Code)).ToList();
    }

    /// <summary>
    /// Counts a line's contacts in the range in SQLite, grouped by local day, channel, region, category, risk and outcome,
    /// into <paramref name="byCategory"/> (one row per category of a contact's case) and <paramref name="once"/> (each
    /// contact once, from its first category row). The database returns the groups (~16,000 a line for 30 days of a
    /// busy year) instead of the ~50,000 contacts behind them (docs/decisions/0016-report-grouping-in-sqlite.md). The counts follow
    /// <see cref="ContactMetrics.Tally"/> exactly: waits are compared in whole ticks against the line's thresholds, as
    /// the TimeSpan comparisons there. Filters are SQL parameters; no survivor column is read.
    /// </summary>
    private static async Task CountAsync(
        HelplineDbContext db, Line line, ReportFilter filter, LineThresholds limits,
        Dictionary<ReportKey, ContactCounts> byCategory, Dictionary<ReportKey, ContactCounts> once, CancellationToken cancellationToken)
    {
        var from = LineDay.ToUtc(line.TimeZone, filter.From.ToDateTime(TimeOnly.MinValue));
        var to = LineDay.ToUtc(line.TimeZone, filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var command = await ContactCountsSql.CommandAsync(db, line.Code, limits, cancellationToken);
        command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        command.Parameters.AddWithValue("$to", SqliteTime.Format(to));

        // The local day: whole UTC seconds plus the line's offset, one offset per piece of the range where it is constant.
        var offset = UtcOffsetSegments.Sql(UtcOffsetSegments.Between(line.TimeZone, from, to), command);

        // A contact's first row: no category, or no lower category of its case that the filter also lets through.
        var named = string.IsNullOrEmpty(filter.Category) || filter.Category == NoCategory ? "" : """ AND (SELECT f."Name" FROM "Categories" AS f WHERE f."Id" = e."CategoryId") = $category""";
        var sql = new StringBuilder(
            $"""
            SELECT (unixepoch(substr(c."ArrivedAt", 1, 19)) + {offset}) / 86400, c."Channel", c."Region", g."Name", COALESCE(k."Risk", c."Risk"), k."Outcome",
              CASE WHEN cc."CategoryId" IS NULL OR NOT EXISTS (SELECT 1 FROM "CaseCategories" AS e WHERE e."CaseId" = cc."CaseId" AND e."CategoryId" < cc."CategoryId"{named}) THEN 1 ELSE 0 END,
              {ContactCountsSql.Columns}
            FROM "Contacts" AS c LEFT JOIN "Cases" AS k ON k."Id" = c."CaseId"
            LEFT JOIN "CaseCategories" AS cc ON cc."CaseId" = c."CaseId"
            LEFT JOIN "Categories" AS g ON g."Id" = cc."CategoryId"
            WHERE c."Line" = $line AND c."ArrivedAt" >= $from AND c."ArrivedAt" < $to
            """);
        if (filter.Channel is { } channel)
        {
            sql.Append(""" AND c."Channel" = $channel""");
            command.Parameters.AddWithValue("$channel", channel.ToString());
        }

        if (!string.IsNullOrEmpty(filter.Region))
        {
            sql.Append(filter.Region == NoRegion ? """ AND c."Region" IS NULL""" : """ AND c."Region" = $region""");
            command.Parameters.AddWithValue("$region", filter.Region);
        }

        // The case's assessed risk once there is a case; the risk known on arrival otherwise.
        if (filter.Risk is { } risk)
        {
            sql.Append(""" AND COALESCE(k."Risk", c."Risk") = $risk""");
            command.Parameters.AddWithValue("$risk", (int)risk);
        }

        if (filter.Outcome is { } outcome)
        {
            sql.Append(""" AND k."Outcome" = $outcome""");
            command.Parameters.AddWithValue("$outcome", outcome.ToString());
        }

        // A case's categories through the join table's key (CaseId, CategoryId), one row per category.
        if (!string.IsNullOrEmpty(filter.Category))
        {
            sql.Append(filter.Category == NoCategory ? """ AND cc."CategoryId" IS NULL""" : """ AND g."Name" = $category""");
            command.Parameters.AddWithValue("$category", filter.Category);
        }

        sql.Append(" GROUP BY 1, 2, 3, 4, 5, 6, 7");
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new ReportKey(
                DateOnly.FromDayNumber(UnixEpochDayNumber + (int)reader.GetInt64(0)),
                line.Code,
                Enum.Parse<ContactChannel>(reader.GetString(1)),
                reader.IsDBNull(2) ? NoRegion : reader.GetString(2),
                reader.IsDBNull(3) ? NoCategory : reader.GetString(3),
                (RiskLevel)reader.GetInt32(4),
                reader.IsDBNull(5) ? NoOutcome : Enum.Parse<CaseOutcome>(reader.GetString(5)).ToString());
            var counts = ContactCountsSql.Read(reader, 7);
            Add(byCategory, key, counts);
            if (reader.GetBoolean(6))
            {
                Add(once, key with { Category = "" }, counts);
            }
        }
    }

    /// <summary>Adds a group's counts; SQL keeps apart what the report shows as one (no region and a stored "Unknown").</summary>
    private static void Add(Dictionary<ReportKey, ContactCounts> tallies, ReportKey key, ContactCounts counts) =>
        tallies[key] = tallies.TryGetValue(key, out var earlier) ? earlier + counts : counts;

    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static ReportRow Row(ReportKey key, PeriodFigures figures) => new(
        key.Day, key.Line, key.Channel, key.Region, key.Category, key.Risk, key.Outcome,
        figures.Offered, figures.Answered, figures.Abandoned, figures.ShortAbandoned, figures.AnsweredWithinThreshold,
        (figures.AverageSpeedOfAnswerSeconds ?? 0) * figures.Answered);

    private static ReportBreakdown Breakdown(string dimension, IReadOnlyList<ReportRow> rows, Func<ReportRow, string> keyOf) =>
        new(dimension, rows.GroupBy(keyOf).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReportGroup(g.Key, Sum(g))).ToList());

    private readonly record struct ReportKey(DateOnly Day, string Line, ContactChannel Channel, string Region, string Category, RiskLevel Risk, string Outcome);
}

/// <summary>The dimensions a report breaks down by; the page titles each "By day", "By risk" and so on.</summary>
public static class ReportDimensions
{
    public const string Day = "Day";
    public const string Line = "Line";
    public const string Channel = "Channel";
    public const string Region = "Region";
    public const string Category = "Category";
    public const string Risk = "Risk";
    public const string Outcome = "Outcome";

    public static IReadOnlyList<string> All { get; } = [Day, Line, Channel, Region, Category, Risk, Outcome];
}
