using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// The raw floor of this machine's Chromium, as the intake scenario measures the raw floor of its disk: as many pages as
/// the push scenario opens, in the same browser, contexts and viewport, each a static page (no app, no network) that
/// changes one text node every <see cref="IntervalMilliseconds"/>, the rate at which an open queue page renders under a
/// burst (QueuePage:RenderIntervalMilliseconds). What Chromium spends on that is the least any live page updating that
/// often can cost it, whatever the page shows.
/// </summary>
public static class BrowserFloor
{
    /// <summary>The queue page's default fold (QueuePageOptions.RenderIntervalMilliseconds).</summary>
    public const int IntervalMilliseconds = 50;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);

    private static readonly string Page =
        $$"""
        <!doctype html><html><body><p>Ожидают: <span id="n">0</span></p>
        <script>
        window.__ticks = 0; window.__frames = 0;
        setInterval(() => {
          document.getElementById('n').textContent = ++window.__ticks;
          requestAnimationFrame(() => window.__frames++);
        }, {{IntervalMilliseconds}});
        </script>
        </body></html>
        """;

    /// <param name="RenderedShare">Updates followed by a frame (a requestAnimationFrame callback): 1 when Chromium renders every update, 0 when it renders none.</param>
    public sealed record Reading(int Pages, double ChromiumCores, double UpdatesPerPageSecond, double RenderedShare)
    {
        /// <summary>Chromium CPU per page update (ms): one update is one frame here.</summary>
        public double MillisecondsPerUpdate => UpdatesPerPageSecond > 0 ? 1000 * ChromiumCores / (Pages * UpdatesPerPageSecond) : double.NaN;

        public string Describe() =>
            string.Create(CultureInfo.InvariantCulture,
                $"{Pages} static pages, each changing one text node every {IntervalMilliseconds} ms, no app traffic: Chromium {ChromiumCores:0.00} cores, " +
                $"{UpdatesPerPageSecond:0.0} updates per page per second achieved (of {1000.0 / IntervalMilliseconds:0}), {RenderedShare:P0} of them followed by a frame, " +
                $"{MillisecondsPerUpdate:0.0} ms of Chromium CPU per update");
    }

    public static async Task<Reading> MeasureAsync(IBrowser browser, int pages, BrowserNewContextOptions contextOptions, CancellationToken cancellationToken)
    {
        var contexts = new List<IBrowserContext>(pages);
        var opened = new List<IPage>(pages);
        try
        {
            for (var i = 0; i < pages; i++)
            {
                var context = await browser.NewContextAsync(contextOptions);
                contexts.Add(context);
                var page = await context.NewPageAsync();
                await page.SetContentAsync(Page);
                opened.Add(page);
            }

            await Task.Delay(Settle, cancellationToken);
            var before = await TicksAsync(opened);
            var cpuBefore = BrowserPriority.ChromiumCpu();
            var clock = Stopwatch.StartNew();
            await Task.Delay(Measured, cancellationToken);
            var cpu = BrowserPriority.ChromiumCpu() - cpuBefore;
            var seconds = clock.Elapsed.TotalSeconds;
            var after = await TicksAsync(opened);

            // Each page's rate on its own clock: reading 20 pages one after another takes a while on a busy machine.
            var perPageSecond = before.Zip(after, (b, a) => (a.Ticks - b.Ticks) / ((a.At - b.At) / 1000)).Average();
            var rendered = before.Zip(after, (b, a) => a.Ticks > b.Ticks ? (a.Frames - b.Frames) / (a.Ticks - b.Ticks) : 0).Average();
            return new Reading(pages, cpu.TotalSeconds / seconds, perPageSecond, rendered);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    private static async Task<List<(double Ticks, double Frames, double At)>> TicksAsync(List<IPage> pages)
    {
        var readings = new List<(double, double, double)>(pages.Count);
        foreach (var page in pages)
        {
            var reading = await page.EvaluateAsync<double[]>("() => [window.__ticks, window.__frames, performance.now()]");
            readings.Add((reading[0], reading[1], reading[2]));
        }

        return readings;
    }
}
