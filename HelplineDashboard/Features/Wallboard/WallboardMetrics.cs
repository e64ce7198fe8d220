using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Lines;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>
/// The one place that computes the wallboard. It listens to the queue, escalation and presence notifiers (presence
/// also decides which waiting contacts no one online speaks the language of), recomputes
/// once per burst of events (events arriving while it computes fold into one more run; a slow run is followed by a
/// rest in proportion, <see cref="WallboardOptions.RestAfterCost"/>), keeps the latest snapshot and
/// publishes it through <see cref="WallboardNotifier"/>. Pages and the metrics hub only read the snapshot, so the
/// database sees one computation however many screens are open. A slow timer also recomputes so "last hour" slides
/// and a new local day starts without an event. See docs/decisions/0008-wallboard-presence-and-metrics.md.
/// </summary>
public sealed class WallboardMetrics(
    IDbContextFactory<HelplineDbContext> dbFactory,
    LineCatalog lineCatalog,
    ThresholdService thresholds,
    PresenceService presence,
    OnlineCounsellors online,
    QueueNotifier queueChanges,
    EscalationNotifier escalationChanges,
    PresenceNotifier presenceChanges,
    WallboardNotifier notifier,
    TimeProvider time,
    IOptionsMonitor<WallboardOptions> options,
    ILogger<WallboardMetrics> logger) : BackgroundService
{
    private static readonly ContactChannel[] Channels = Enum.GetValues<ContactChannel>();

    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<(string Line, DateTime Day), int[]> _lastWeekHours = new();
    private readonly Lock _firstLock = new();
    private volatile WallboardSnapshot _current = WallboardSnapshot.Empty;
    private volatile bool _computed;
    private Task<WallboardSnapshot>? _first;

    /// <summary>The latest snapshot (empty until the first computation).</summary>
    public WallboardSnapshot Current => _current;

    /// <summary>
    /// The latest snapshot, or, when none has been computed yet (the loop starts after the app's first response), the
    /// first one, computed now: a reader that comes before the loop never sees an empty board.
    /// </summary>
    public Task<WallboardSnapshot> CurrentOrFirstAsync(CancellationToken cancellationToken = default)
    {
        if (_computed)
        {
            return Task.FromResult(_current);
        }

        Task<WallboardSnapshot> first;
        lock (_firstLock)
        {
            // One computation for all early readers; a failed one is tried again by the next reader.
            if (_first is null || _first.IsFaulted || _first.IsCanceled)
            {
                _first = Task.Run(() => RefreshAsync(CancellationToken.None), CancellationToken.None);
            }

            first = _first;
        }

        return first.WaitAsync(cancellationToken);
    }

    /// <summary>Asks for a recomputation; many requests while one runs fold into one more.</summary>
    public void RequestRefresh() => _pending.Writer.TryWrite(true);

    /// <summary>Computes now and publishes. The background loop uses it; tests and the benchmark call it directly.</summary>
    public async Task<WallboardSnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await ComputeAsync(cancellationToken);
        _current = snapshot;
        _computed = true;
        await notifier.PublishAsync(snapshot);
        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var queue = queueChanges.Subscribe(_ => Signal());
        using var escalations = escalationChanges.Subscribe(_ => Signal());
        using var people = presenceChanges.Subscribe(_ => Signal());
        thresholds.Changed += RequestRefresh;
        var every = TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.RefreshSeconds));
        using var timer = time.CreateTimer(_ => RequestRefresh(), null, every, every);
        try
        {
            RequestRefresh();
            await foreach (var _ in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                var started = time.GetTimestamp();
                var costStarted = Stopwatch.GetTimestamp();
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The wallboard could not be computed; the last snapshot stays");
                }

                // The least interval is the product's clock; the rest in proportion to the computation's cost is the
                // machine's (what it cost, whatever a test's clock does meanwhile), counted from the same moment.
                var computed = Stopwatch.GetTimestamp();
                var paced = options.CurrentValue.RestAfterCost(Stopwatch.GetElapsedTime(costStarted, computed));
                var rest = TimeSpan.FromMilliseconds(options.CurrentValue.MinIntervalMilliseconds) - time.GetElapsedTime(started);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, time, stoppingToken);
                }

                var remaining = paced - Stopwatch.GetElapsedTime(computed);
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            thresholds.Changed -= RequestRefresh;
        }
    }

    private Task Signal()
    {
        RequestRefresh();
        return Task.CompletedTask;
    }

    /// <summary>Computes the wallboard from the database: today's and the last hour's contacts of each line (indexed on line and arrival).</summary>
    public async Task<WallboardSnapshot> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var started = Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var boards = new List<LineBoard>();
        foreach (var line in lineCatalog.All)
        {
            boards.Add(await ComputeLineAsync(db, line, now, cancellationToken));
        }

        var counsellors = await ComputeCounsellorsAsync(db, cancellationToken);
        return new WallboardSnapshot(now, boards, counsellors, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<LineBoard> ComputeLineAsync(HelplineDbContext db, Line line, DateTime now, CancellationToken cancellationToken)
    {
        var limits = await thresholds.GetAsync(line.Code, cancellationToken);
        var dayStart = LineDay.StartOfDay(line, now);
        var hourStart = now.AddHours(-1);
        var code = line.Code;

        var recent = await CountRecentAsync(db, line, limits, now, dayStart, hourStart, cancellationToken);

        // Waiting contacts may have arrived before today (a caller waiting over midnight still waits). SQLite groups them
        // by channel and language: a handful of rows however long the queue is.
        var waiting = await db.Contacts.AsNoTracking()
            .Where(c => c.Status == ContactStatus.Waiting && c.Line == code)
            .GroupBy(c => new { c.Channel, c.Language })
            .Select(g => new WaitingGroup(
                g.Key.Channel,
                g.Key.Language,
                g.Count(),
                g.Count(c => c.Risk >= RiskLevel.High),
                g.Count(c => c.Urgent),
                g.Min(c => c.ArrivedAt)))
            .ToListAsync(cancellationToken);
        var uncovered = LanguageMatch.Uncovered(waiting, g => (code, g.Language), online.Current)
            .GroupBy(g => g.Language)
            .Select(g => new UncoveredLanguage(g.Key, g.Sum(w => w.Waiting)))
            .OrderByDescending(u => u.Waiting).ThenBy(u => u.Language, StringComparer.Ordinal)
            .ToList();

        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.Line == code && e.RequestedAt >= dayStart)
            .GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var channels = Channels
            .Select(channel => new ChannelBoard(
                channel,
                Queue(waiting.Where(c => c.Channel == channel)),
                Figures(recent.Where(g => g.Channel == channel && g.Today)),
                Figures(recent.Where(g => g.Channel == channel && g.LastHour))))
            .ToList();

        return new LineBoard(
            code,
            line.Name,
            limits,
            dayStart,
            Queue(waiting),
            Figures(recent.Where(g => g.Today)),
            Figures(recent.Where(g => g.LastHour)),
            channels,
            escalations
                .Select(e => new EscalationCount(e.Status, e.Count))
                .OrderBy(e => e.Status == EscalationStatus.Failed ? 0 : 1)
                .ThenBy(e => e.Status)
                .ToList(),
            PerHour(recent.Where(g => g.Today)),
            await SameDayLastWeekAsync(db, line, dayStart, cancellationToken))
        {
            Uncovered = uncovered,
        };
    }

    private static QueueFigures Queue(IEnumerable<WaitingGroup> waiting)
    {
        int count = 0, high = 0, urgent = 0;
        DateTime? oldest = null;
        foreach (var group in waiting)
        {
            count += group.Waiting;
            high += group.HighRisk;
            urgent += group.Urgent;
            oldest = oldest is null || group.OldestArrival < oldest ? group.OldestArrival : oldest;
        }

        return new QueueFigures(count, oldest, high, urgent);
    }

    /// <summary>The waiting contacts of one channel and language: how many, how many at high risk or above, urgent, and the oldest arrival.</summary>
    private sealed record WaitingGroup(ContactChannel Channel, string Language, int Waiting, int HighRisk, int Urgent, DateTime OldestArrival);

    /// <summary>
    /// The line's contacts since the earlier of the local day's start and an hour ago, counted in SQLite as
    /// <see cref="ContactMetrics.Tally"/> counts them, grouped by channel, local hour of arrival, whether in the last hour
    /// and whether today: a few dozen rows however many contacts (docs/decisions/0016-report-grouping-in-sqlite.md).
    /// </summary>
    private static async Task<List<RecentGroup>> CountRecentAsync(
        HelplineDbContext db, Line line, LineThresholds limits, DateTime now, DateTime dayStart, DateTime hourStart, CancellationToken cancellationToken)
    {
        var from = dayStart < hourStart ? dayStart : hourStart;
        await using var command = await ContactCountsSql.CommandAsync(db, line.Code, limits, cancellationToken);
        command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        command.Parameters.AddWithValue("$dayStart", SqliteTime.Format(dayStart));
        command.Parameters.AddWithValue("$hourStart", SqliteTime.Format(hourStart));
        // The local hour: whole UTC seconds plus the line's offset, one offset per piece where it is constant (a day
        // beyond now, for arrivals stamped a little ahead).
        var offset = UtcOffsetSegments.Sql(UtcOffsetSegments.Between(line.TimeZone, from, now.AddDays(1)), command);
        command.CommandText =
            $"""
            SELECT c."Channel", ((unixepoch(substr(c."ArrivedAt", 1, 19)) + {offset}) / 3600) % 24, c."ArrivedAt" >= $dayStart, c."ArrivedAt" >= $hourStart,
              {ContactCountsSql.Columns}
            FROM "Contacts" AS c
            WHERE c."Line" = $line AND c."ArrivedAt" >= $from
            GROUP BY 1, 2, 3, 4
            """;
        var groups = new List<RecentGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new RecentGroup(
                Enum.Parse<ContactChannel>(reader.GetString(0)), reader.GetInt32(1), reader.GetBoolean(2), reader.GetBoolean(3), ContactCountsSql.Read(reader, 4)));
        }

        return groups;
    }

    private static PeriodFigures Figures(IEnumerable<RecentGroup> groups)
    {
        var tally = new ContactMetrics.Tally();
        foreach (var group in groups)
        {
            tally.AddCounts(group.Counts);
        }

        return tally.Figures();
    }

    private static int[] PerHour(IEnumerable<RecentGroup> groups)
    {
        var hours = new int[24];
        foreach (var group in groups)
        {
            hours[group.LocalHour] += group.Counts.Contacts;
        }

        return hours;
    }

    /// <summary>Recent contacts of one channel and local hour of arrival, today or not, in the last hour or not.</summary>
    private sealed record RecentGroup(ContactChannel Channel, int LocalHour, bool Today, bool LastHour, ContactCounts Counts);

    private static int[] PerHour(TimeZoneInfo zone, IEnumerable<DateTime> arrivals)
    {
        var hours = new int[24];
        foreach (var arrived in arrivals)
        {
            hours[LineDay.LocalHour(zone, arrived)]++;
        }

        return hours;
    }

    /// <summary>Last week's same weekday does not change any more: computed once per line and day.</summary>
    private async Task<int[]> SameDayLastWeekAsync(HelplineDbContext db, Line line, DateTime dayStart, CancellationToken cancellationToken)
    {
        var key = (line.Code, dayStart);
        if (_lastWeekHours.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var localDay = line.ToLocal(dayStart).Date;
        var from = LineDay.ToUtc(line.TimeZone, localDay.AddDays(-7));
        var to = LineDay.ToUtc(line.TimeZone, localDay.AddDays(-6));
        var code = line.Code;
        var arrivals = await db.Contacts.AsNoTracking()
            .Where(c => c.Line == code && c.ArrivedAt >= from && c.ArrivedAt < to)
            .Select(c => c.ArrivedAt)
            .ToListAsync(cancellationToken);
        var hours = PerHour(line.TimeZone, arrivals);
        foreach (var stale in _lastWeekHours.Keys.Where(k => k.Line == code && k.Day != dayStart))
        {
            _lastWeekHours.TryRemove(stale, out _);
        }

        _lastWeekHours[key] = hours;
        return hours;
    }

    private async Task<IReadOnlyList<CounsellorBoard>> ComputeCounsellorsAsync(HelplineDbContext db, CancellationToken cancellationToken)
    {
        var people = presence.Everyone();
        var ids = people.Select(p => p.UserId).ToList();
        // One row per person (their open cases counted, the newest one's id and risk), not one per open case: a
        // supervisor or a team account may own thousands.
        var open = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Open && ids.Contains(c.OwnerId))
            .GroupBy(c => c.OwnerId)
            .Select(g => new
            {
                OwnerId = g.Key,
                Count = g.Count(),
                Current = g.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Risk }).FirstOrDefault(),
            })
            .ToDictionaryAsync(o => o.OwnerId, cancellationToken);
        return people
            .Select(p =>
            {
                var mine = open.GetValueOrDefault(p.UserId);
                return new CounsellorBoard(p.UserId, p.Name, p.Lines, p.Status, p.Since, mine?.Count ?? 0, mine?.Current?.Id, mine?.Current?.Risk);
            })
            .ToList();
    }
}
