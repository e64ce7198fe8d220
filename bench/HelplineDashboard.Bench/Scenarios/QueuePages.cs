using System.Diagnostics;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;
using Microsoft.Playwright;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 1's browser part: counsellors' queue pages in one headless Chromium (a browser context per page, signed in
/// as the two demo counsellors in turn, all languages shown). A MutationObserver in each page records when an element with
/// a contact's <c>data-contact-id</c> first appears (added, or a reused row given a new id) as
/// <c>performance.timeOrigin + performance.now()</c>; the harness reads the records back after the load and compares
/// them with the wall-clock moment each 201 arrived (same machine, same clock). The queue is virtualised: only the rows
/// in the table's window are in the DOM, so a contact sorted below the window is never there while the queue is long.
/// </summary>
public sealed class QueuePages : IAsyncDisposable
{
    private const string Observe =
        """
        () => {
          const seen = new Map();
          window.__benchSeen = seen;
          const note = (element, at) => {
            const id = element.getAttribute('data-contact-id');
            if (id && !seen.has(id)) seen.set(id, at);
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
          }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-contact-id'] });
        }
        """;

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IPage> _pages = [];

    // One reading of both clocks: turns a Stopwatch timestamp (the gateway's) into Unix milliseconds (the browser's).
    private readonly long _stopwatchAt = Stopwatch.GetTimestamp();
    private readonly double _unixMsAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private QueuePages(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static IReadOnlyList<Metric> Metrics(int pages) => pages == 0
        ? []
        :
        [
            new("domP50", $"{pages} queue pages: 201 → row in the page's DOM, p50", "ms", Decimals: 1),
            new("domP99", $"{pages} queue pages: 201 → row in the page's DOM, p99", "ms", Target.NoMoreThan(100, "ms"), 1),
            new("domMax", $"{pages} queue pages: 201 → row in the page's DOM, max", "ms", Decimals: 1),
            new("domShown", "rows that appeared in a page's DOM", "", Decimals: 0),
            new("domExpected", "expected (201s × pages)", "", Decimals: 0),
        ];

    /// <summary>Opens <paramref name="count"/> signed-in queue pages (all languages shown), each with its observer running.</summary>
    public static async Task<QueuePages> OpenAsync(Uri baseAddress, int count, CancellationToken cancellationToken)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = CircuitsScenario.Chromium,
            Headless = true,
            Args = ["--disable-gpu", "--disable-extensions", "--mute-audio", "--no-first-run"],
        });
        var pages = new QueuePages(playwright, browser);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var context = await CircuitsScenario.NewSignedInContextAsync(browser, baseAddress, i, cancellationToken);
                var page = await CircuitsScenario.OpenIdleAsync(context, baseAddress, cancellationToken);
                await CircuitsScenario.ShowQueueAsync(page);
                await page.EvaluateAsync(Observe);
                pages._pages.Add(page);
            }

            return pages;
        }
        catch
        {
            await pages.DisposeAsync();
            throw;
        }
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
        foreach (var page in seen)
        {
            foreach (var (id, answeredAt) in answered)
            {
                if (page.TryGetValue(id.ToString(System.Globalization.CultureInfo.InvariantCulture), out var at))
                {
                    // The app publishes before it answers, so a row can beat the 201: that is a latency of zero.
                    latencies.Add(Math.Max(0, at - UnixMilliseconds(answeredAt)));
                }
            }
        }

        latencies.Sort();
        result.Values["domP50"] = Stats.Percentile(latencies, 50);
        result.Values["domP99"] = Stats.Percentile(latencies, 99);
        result.Values["domMax"] = latencies.Count > 0 ? latencies[^1] : double.NaN;
        result.Values["domShown"] = latencies.Count;
        result.Values["domExpected"] = (double)answered.Count * _pages.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
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
