using System.Diagnostics;
using System.Globalization;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;
using Microsoft.Playwright;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 1's browser part: counsellors' queue pages in one headless Chromium (a browser context per page, signed in
/// as the two demo counsellors in turn, all languages shown). A MutationObserver in each page records when an element with
/// a contact's <c>data-contact-id</c> first appears (added, or a reused row given a new id) as
/// <c>performance.timeOrigin + performance.now()</c>; the harness reads the records back after the load and compares
/// them with the wall-clock moment each 201 arrived (same machine, same clock).
/// </summary>
/// <remarks>
/// The queue is virtualised: only the rows in the table's window are in the DOM. The push scenario keeps the queue short
/// (a <see cref="CounsellorPool"/> claims every contact shortly after it arrives) and the viewport is sized so the
/// table's window holds <c>windowRows</c> rows; every new contact then lands inside the window. The observer also
/// notes, after each batch of DOM changes, the waiting count the page shows and the rows in its DOM, so a queue that
/// outgrew the window is reported, not guessed. Every (page, contact) pair is counted: a row that never appeared counts
/// as never (infinitely late) in the percentiles and is reported missing.
/// Chromium runs under <see cref="BrowserPriority"/> (nice +N, unable to raise any thread above it) so it stands in for
/// counsellors' own computers without taking the app's cores. Playwright already starts Chromium with
/// <c>--disable-renderer-backgrounding</c>, <c>--disable-background-timer-throttling</c> and
/// <c>--disable-backgrounding-occluded-windows</c>; the pages' <c>document.visibilityState</c> is reported.
/// </remarks>
public sealed class QueuePages : IAsyncDisposable
{
    /// <summary>The queue table's scroll container is 70vh high (LiveQueue.razor); a row is about 49 px (its Virtualize ItemSize).</summary>
    private const double TableShareOfViewport = 0.7;
    private const int RowPixels = 49;
    private const int OpeningAtOnce = 2;

    private const string Observe =
        """
        () => {
          const seen = new Map();
          const shape = { maxWaiting: 0, maxRows: 0, batches: 0, overflowBatches: 0 };
          window.__benchSeen = seen;
          window.__benchShape = shape;
          const note = (element, at) => {
            const id = element.getAttribute('data-contact-id');
            if (id && !seen.has(id)) seen.set(id, at);
          };
          const count = document.querySelector('[data-testid=waiting-count]');
          const measure = () => {
            const waiting = parseInt((count?.textContent ?? '').replace(/\D/g, ''), 10) || 0;
            const rows = document.querySelectorAll('[data-contact-id]').length;
            shape.batches++;
            if (waiting > shape.maxWaiting) shape.maxWaiting = waiting;
            if (rows > shape.maxRows) shape.maxRows = rows;
            if (waiting > rows) shape.overflowBatches++;
          };
          const start = performance.timeOrigin + performance.now();
          document.querySelectorAll('[data-contact-id]').forEach(e => note(e, start));
          new MutationObserver(mutations => {
            const at = performance.timeOrigin + performance.now();
            for (const m of mutations) {
              if (m.type === 'attributes') { note(m.target, at); continue; }
              for (const node of m.addedNodes) {
                if (node.nodeType !== 1) continue;
                if (node.hasAttribute('data-contact-id')) note(node, at);
                node.querySelectorAll('[data-contact-id]').forEach(e => note(e, at));
              }
            }
            measure();
          }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-contact-id'] });
        }
        """;

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly BrowserPriority _priority;
    private readonly List<IPage> _pages = [];
    private readonly List<ICDPSession> _devTools = [];
    private Dictionary<string, double>? _workAtLoad;
    private long _loadStartedAt;
    private string? _workDuringLoad;
    private int _hidingLanguages;
    private string? _tracePath;
    private ChromiumTrace? _trace;
    private string? _traceSummary;
    private BrowserFloor.Reading? _floor;

    // One reading of both clocks: turns a Stopwatch timestamp (the gateway's) into Unix milliseconds (the browser's).
    private readonly long _stopwatchAt = Stopwatch.GetTimestamp();
    private readonly double _unixMsAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private QueuePages(IPlaywright playwright, IBrowser browser, BrowserPriority priority)
    {
        _playwright = playwright;
        _browser = browser;
        _priority = priority;
    }

    public static IReadOnlyList<Metric> Metrics(int pages) => pages == 0
        ? []
        :
        [
            new("domP50", $"{pages} queue pages: 201 → row in the page's DOM, p50 (a missing row counts as never)", "ms", Decimals: 1),
            new("domP99", $"{pages} queue pages: 201 → row in the page's DOM, p99 (a missing row counts as never)", "ms", Target.NoMoreThan(100, "ms"), 1),
            new("domMax", $"{pages} queue pages: 201 → row in the page's DOM, max of the rows that appeared", "ms", Decimals: 1),
            new("domShown", "rows that appeared in a page's DOM", "", Decimals: 0),
            new("domExpected", "expected (201s × pages)", "", Decimals: 0),
            new("domMissing", "rows that never appeared", "", Target.NoMoreThan(0, ""), 0),
            new("pageMaxWaiting", "most contacts a page showed waiting", "", Decimals: 0),
            new("pageMaxRows", "most rows in a page's DOM", "", Decimals: 0),
            new("pageOverflow", "DOM updates with more waiting than rows in the DOM (queue outgrew the window)", "", Decimals: 0),
            new("chromiumCpu", "Chromium CPU during load", "cores", Decimals: 2),
            new("floorCpu", $"Chromium's floor: {pages} static pages changing one text node every {BrowserFloor.IntervalMilliseconds} ms (no app traffic), Chromium CPU", "cores", Decimals: 2),
            new("floorUpdates", "Chromium's floor: updates per page per second achieved", "", Decimals: 1),
            new("floorPerUpdate", "Chromium's floor: Chromium CPU per page update", "ms", Decimals: 1),
            new("floorRendered", "Chromium's floor: updates followed by a frame (rendered)", "%", Decimals: 0),
        ];

    /// <summary>
    /// Opens <paramref name="count"/> signed-in queue pages (all languages shown), each with its observer running, in a
    /// viewport whose queue table holds <paramref name="windowRows"/> rows, in a Chromium at niceness <paramref name="nice"/>.
    /// With <paramref name="tracePath"/>, the load is traced (<see cref="ChromiumTrace"/>) into that file.
    /// </summary>
    public static async Task<QueuePages> OpenAsync(Uri baseAddress, int count, int windowRows, int nice, string? tracePath, CancellationToken cancellationToken)
    {
        var priority = new BrowserPriority(CircuitsScenario.Chromium, nice);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = priority.ExecutablePath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-extensions", "--mute-audio", "--no-first-run", "--blink-settings=imagesEnabled=false"],
        });
        var pages = new QueuePages(playwright, browser, priority) { _tracePath = tracePath };
        var contextOptions = new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1280, Height = (int)Math.Ceiling(windowRows * RowPixels / TableShareOfViewport) },
            ReducedMotion = ReducedMotion.Reduce,
        };
        try
        {
            pages._floor = await BrowserFloor.MeasureAsync(browser, count, contextOptions, cancellationToken);
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = OpeningAtOnce, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var context = await CircuitsScenario.NewSignedInContextAsync(browser, baseAddress, i, ct, contextOptions);
                var page = await OpenQueueAsync(context, baseAddress, ct);
                if (!await ShowAllLanguagesAsync(page))
                {
                    Interlocked.Increment(ref pages._hidingLanguages);
                }

                await page.EvaluateAsync(Observe);
                var devTools = await context.NewCDPSessionAsync(page);
                await devTools.SendAsync("Performance.enable");
                lock (pages._pages)
                {
                    pages._pages.Add(page);
                    pages._devTools.Add(devTools);
                }
            });

            return pages;
        }
        catch
        {
            await pages.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the queue in a new page of <paramref name="context"/>; a loaded machine gets three tries.</summary>
    private static async Task<IPage> OpenQueueAsync(IBrowserContext context, Uri baseAddress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var page = await CircuitsScenario.OpenIdleAsync(context, baseAddress, cancellationToken);
                await CircuitsScenario.ShowQueueAsync(page);
                return page;
            }
            catch (Exception failed) when (failed is PlaywrightException or TimeoutException && attempt < 3 && !cancellationToken.IsCancellationRequested)
            {
                Console.WriteLine($"  queue pages: retrying after {failed.GetType().Name}: {failed.Message.Split('\n')[0]}");
            }
        }
    }

    /// <summary>
    /// Makes sure the page shows every language: a counsellor's page hides contacts outside their languages, and a
    /// hidden contact's row would count as missing. CircuitsScenario.ShowQueueAsync does not find the switch (it looks for an input inside the element that carries the
    /// data-testid) and gives up waiting after 10 s.
    /// </summary>
    private static async Task<bool> ShowAllLanguagesAsync(IPage page)
    {
        // MudSwitch puts the data-testid on its input (CircuitsScenario's "[data-testid=…] input" finds nothing).
        var showAll = page.Locator("input[data-testid=show-all-languages], [data-testid=show-all-languages] input");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                // A DOM click on the input (it is visually hidden by the switch's styling): Blazor sees the change.
                await showAll.EvaluateAsync("input => { if (!input.checked) input.click(); }", null, new LocatorEvaluateOptions { Timeout = 30_000 });
                await page.Locator("[data-testid=other-languages-count]").WaitForAsync(
                    new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 30_000 });
                return true;
            }
            catch (TimeoutException)
            {
                // Try the switch again.
            }
        }

        return false; // reported; the rows it hides count as missing
    }

    private static readonly string[] WorkMetrics = ["TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "LayoutCount", "RecalcStyleCount"];

    /// <summary>Chromium's own work counters (DevTools Performance.getMetrics), summed over the pages.</summary>
    private async Task<Dictionary<string, double>> WorkAsync()
    {
        var sums = WorkMetrics.ToDictionary(m => m, _ => 0.0);
        foreach (var devTools in _devTools)
        {
            var reply = await devTools.SendAsync("Performance.getMetrics");
            foreach (var metric in reply!.Value.GetProperty("metrics").EnumerateArray())
            {
                var name = metric.GetProperty("name").GetString()!;
                if (sums.ContainsKey(name))
                {
                    sums[name] += metric.GetProperty("value").GetDouble();
                }
            }
        }

        return sums;
    }

    /// <summary>Marks the start of the load: Chromium's work is reported from here to <see cref="LoadEndedAsync"/>.</summary>
    public async Task LoadStartingAsync()
    {
        _workAtLoad = await WorkAsync();
        _loadStartedAt = Stopwatch.GetTimestamp();
        if (_tracePath is not null)
        {
            _trace = await ChromiumTrace.StartAsync(_devTools[0]);
        }
    }

    /// <summary>
    /// Notes what the pages' main threads did during the load, per page and second. These are Chromium's own durations
    /// (wall time on the page's main thread), so on a machine whose cores are all busy they include time the thread
    /// waited for a core; the counts do not.
    /// </summary>
    public async Task LoadEndedAsync()
    {
        if (_workAtLoad is not { } before)
        {
            return;
        }

        var perPageSecond = Stopwatch.GetElapsedTime(_loadStartedAt).TotalSeconds * _pages.Count;
        var after = await WorkAsync();
        if (_trace is not null)
        {
            _traceSummary = $"{await _trace.StopAsync(_tracePath!)} (trace of the first page's load in {_tracePath}; tracing costs CPU, so this run's figures are not comparable)";
        }

        string Ms(string metric) => (1000 * (after[metric] - before[metric]) / perPageSecond).ToString("0.0", CultureInfo.InvariantCulture);
        string PerSecond(string metric) => ((after[metric] - before[metric]) / perPageSecond).ToString("0.0", CultureInfo.InvariantCulture);
        _workDuringLoad = $"tasks {Ms("TaskDuration")} ms, of which script {Ms("ScriptDuration")} ms, layout {Ms("LayoutDuration")} ms " +
                          $"({PerSecond("LayoutCount")} layouts), style {Ms("RecalcStyleDuration")} ms ({PerSecond("RecalcStyleCount")} recalculations)";
    }

    /// <summary>How the pages look: waiting count and rows in the DOM now, visibility states and the niceness range of Chromium's threads.</summary>
    public async Task<string> DescribeAsync()
    {
        var states = new List<string>();
        var rows = new List<int>();
        var waiting = new List<string>();
        foreach (var page in _pages)
        {
            states.Add(await page.EvaluateAsync<string>("() => document.visibilityState"));
            rows.Add(await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-contact-id]').length"));
            waiting.Add(await page.EvaluateAsync<string>("() => document.querySelector('[data-testid=waiting-count]')?.textContent ?? ''"));
        }

        var (lowest, highest, threads) = BrowserPriority.ChromiumNiceness();
        return $"{_pages.Count} pages ({_hidingLanguages} still hiding other languages after 3 tries) showing '{string.Join("', '", waiting.Distinct())}' with {rows.Min()}..{rows.Max()} rows in the DOM at opening, visibility {string.Join(", ", states.CountBy(s => s).Select(s => $"{s.Key} × {s.Value}"))}; " +
               $"Chromium started at nice {_priority.Nice} without CAP_SYS_NICE: its {threads} threads run at nice {lowest}..{highest} (the app at 0)";
    }

    /// <summary>
    /// Waits until no page has seen a new row for a second (or <see cref="SettleTimeout"/>), then measures each
    /// (page, contact) pair: from the 201 (<paramref name="answered"/>: id → Stopwatch timestamp) to the row in the DOM.
    /// </summary>
    public async Task MeasureAsync(IReadOnlyDictionary<long, long> answered, RunResult result, CancellationToken cancellationToken)
    {
        var seen = await ReadAsync();
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < SettleTimeout)
        {
            await Task.Delay(1000, cancellationToken);
            var again = await ReadAsync();
            var settled = again.Sum(s => s.Count) == seen.Sum(s => s.Count);
            seen = again;
            if (settled)
            {
                break;
            }
        }

        var latencies = new List<double>();
        var missingByPage = new List<int>();
        foreach (var page in seen)
        {
            var missing = 0;
            foreach (var (id, answeredAt) in answered)
            {
                if (page.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var at))
                {
                    // The app publishes before it answers, so a row can beat the 201: that is a latency of zero.
                    latencies.Add(Math.Max(0, at - UnixMilliseconds(answeredAt)));
                }
                else
                {
                    missing++;
                }
            }

            missingByPage.Add(missing);
        }

        latencies.Sort();
        var shown = latencies.Count;
        var all = latencies.Concat(Enumerable.Repeat(double.PositiveInfinity, missingByPage.Sum())).ToList();
        result.Values["domP50"] = Stats.Percentile(all, 50);
        result.Values["domP99"] = Stats.Percentile(all, 99);
        result.Values["domMax"] = shown > 0 ? latencies[^1] : double.NaN;
        result.Values["domShown"] = shown;
        result.Values["domExpected"] = (double)answered.Count * _pages.Count;
        result.Values["domMissing"] = missingByPage.Sum();
        if (missingByPage.Sum() > 0)
        {
            result.Facts["rows missing by page"] = string.Join(", ", missingByPage);
        }

        var shapes = new List<Dictionary<string, double>>();
        foreach (var page in _pages)
        {
            shapes.Add(await page.EvaluateAsync<Dictionary<string, double>>("() => window.__benchShape"));
        }

        result.Values["pageMaxWaiting"] = shapes.Max(s => s["maxWaiting"]);
        result.Values["pageMaxRows"] = shapes.Max(s => s["maxRows"]);
        result.Values["pageOverflow"] = shapes.Sum(s => s["overflowBatches"]);
        result.Facts["DOM updates observed per page"] = string.Join(", ", shapes.Select(s => s["batches"]));
        if (_workDuringLoad is not null)
        {
            result.Facts["each page's main thread per second of load (DevTools Performance metrics; wall time)"] = _workDuringLoad;
        }

        if (_traceSummary is not null)
        {
            result.Facts["Chromium trace"] = _traceSummary;
        }

        if (_floor is { } floor)
        {
            result.Values["floorCpu"] = floor.ChromiumCores;
            result.Values["floorUpdates"] = floor.UpdatesPerPageSecond;
            result.Values["floorPerUpdate"] = floor.MillisecondsPerUpdate;
            result.Values["floorRendered"] = 100 * floor.RenderedShare;
            result.Facts["Chromium's floor (before the queue pages opened)"] = floor.Describe();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _priority.Dispose();
    }

    private double UnixMilliseconds(long stopwatchTimestamp) =>
        _unixMsAt + (stopwatchTimestamp - _stopwatchAt) * 1000.0 / Stopwatch.Frequency;

    private async Task<List<Dictionary<string, double>>> ReadAsync()
    {
        var seen = new List<Dictionary<string, double>>(_pages.Count);
        foreach (var page in _pages)
        {
            seen.Add(await page.EvaluateAsync<Dictionary<string, double>>("() => Object.fromEntries(window.__benchSeen)"));
        }

        return seen;
    }
}
