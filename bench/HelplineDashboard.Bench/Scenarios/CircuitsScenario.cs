using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;
using Microsoft.Playwright;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 4, circuit memory: N counsellor pages in headless Chromium (a few browser contexts, each signed in through
/// the form as one of the demo counsellors), first on the home page (idle circuits), then moved inside the same
/// circuit to the queue with M waiting contacts (all languages shown; the list is virtualised). Memory per circuit is
/// the app's managed heap after a full compacting collection (<c>GET /diagnostics/heap</c>, Development only) minus the
/// heap before any page opened, divided by N.
/// </summary>
public sealed class CircuitsScenario(AppLauncher launcher, BenchOptions options) : IScenario
{
    private const int PagesPerContext = 25;
    internal const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Counsellors = ["counsellor1@helpline.local", "counsellor2@helpline.local"];
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Opening the pages and moving them to the queue each get this long; the figures divide by the pages that made it.</summary>
    private static readonly TimeSpan PhaseBudget = TimeSpan.FromMinutes(3);

    public string Name => "circuits";

    public string Title => "4. Circuit memory";

    public string Setup =>
        $"{options.Circuits} counsellor pages in headless Chromium ({Chromium}, {PagesPerContext} pages per browser context, " +
        $"demo counsellors), {options.CircuitContacts} waiting contacts; managed heap after GC.Collect(2, forced, blocking, compacting) " +
        "via GET /diagnostics/heap, minus the heap before the pages, divided by the pages";

    public IReadOnlyList<Metric> Metrics => launcher.StartsApps
        ?
        [
            new("queue", "heap per circuit, queue page with the waiting contacts", "KB", Target.NoMoreThan(500, "KB"), 0),
            new("idle", "heap per circuit, idle (home page)", "KB", Decimals: 0),
            new("base", "heap with no pages (contacts queued)", "MB", Decimals: 1),
            new("opened", "pages opened (signed in, circuit up) within the time box", "", Decimals: 0),
            new("moved", "pages moved to the queue within the time box", "", Decimals: 0),
            new("pages", "pages on the queue showing all the contacts", "", Decimals: 0),
        ]
        : [];

    public IReadOnlyList<string> NotMeasured => launcher.StartsApps
        ? []
        : ["circuit memory: the harness reads the heap of an app it started (GET /diagnostics/heap is off otherwise); not measured with --url."];

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        var ct = timeout.Token;
        using var dataDir = new TempDir();
        var result = new RunResult();
        await using var app = await launcher.StartAsync(dataDir, ct);
        await Gateway.PostManyAsync(app, options.CircuitContacts, ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--disable-gpu", "--disable-extensions", "--mute-audio", "--no-first-run", "--renderer-process-limit=4"],
        });

        // One warm-up circuit on the queue first, kept open and not counted: the app's one-time costs (compiled
        // components, caches, the first queue read) are then in the base, not spread over the pages measured.
        var warmUp = await OpenHomeAsync(await NewSignedInContextAsync(browser, app.BaseAddress, 0, ct), app.BaseAddress, ct);
        await ShowQueueAsync(warmUp);

        var heapReader = await SignIn.AsAsync(app.BaseAddress, SignIn.Supervisor, SignIn.DemoPassword, ct);
        var baseHeap = await HeapAsync(app.BaseAddress, heapReader, ct);
        result.Values["base"] = baseHeap / 1_048_576.0;

        var pages = new List<IPage>();
        var opening = System.Diagnostics.Stopwatch.StartNew();
        for (var c = 1; pages.Count < options.Circuits && opening.Elapsed < PhaseBudget; c++)
        {
            var context = await NewSignedInContextAsync(browser, app.BaseAddress, c, ct);
            var inContext = Math.Min(PagesPerContext, options.Circuits - pages.Count);
            for (var i = 0; i < inContext && opening.Elapsed < PhaseBudget; i++)
            {
                pages.Add(await OpenHomeAsync(context, app.BaseAddress, ct));
            }
        }

        var idleHeap = await HeapAsync(app.BaseAddress, heapReader, ct);
        result.Values["idle"] = (idleHeap - baseHeap) / 1024.0 / pages.Count;

        result.Values["opened"] = pages.Count;
        var shown = 0;
        var onQueue = 0;
        var moving = System.Diagnostics.Stopwatch.StartNew();
        foreach (var page in pages.TakeWhile(_ => moving.Elapsed < PhaseBudget))
        {
            ct.ThrowIfCancellationRequested();
            var count = await ShowQueueAsync(page);
            onQueue++;
            if (count == options.CircuitContacts)
            {
                shown++;
            }
        }

        var queueHeap = await HeapAsync(app.BaseAddress, heapReader, ct);
        // Pages not moved in time stay idle: count them at the idle figure and divide the rest by the pages on the queue.
        result.Values["queue"] = onQueue == 0
            ? double.NaN
            : (queueHeap - baseHeap - (idleHeap - baseHeap) / (double)pages.Count * (pages.Count - onQueue)) / 1024.0 / onQueue;
        result.Values["pages"] = shown;
        result.Values["moved"] = onQueue;
        result.Facts["heap (bytes): base / idle / queue"] = $"{baseHeap:N0} / {idleHeap:N0} / {queueHeap:N0}";
        return result;
    }

    internal static async Task<IBrowserContext> NewSignedInContextAsync(
        IBrowser browser, Uri baseAddress, int index, CancellationToken cancellationToken)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1000, Height = 700 } });
        var cookies = await SignIn.AsAsync(baseAddress, Counsellors[index % Counsellors.Length], SignIn.DemoPassword, cancellationToken);
        await context.AddCookiesAsync(cookies.GetAllCookies().Select(cookie => new Microsoft.Playwright.Cookie
        {
            Name = cookie.Name,
            Value = cookie.Value,
            Domain = baseAddress.Host,
            Path = "/",
        }));
        return context;
    }

    internal static async Task<IPage> OpenHomeAsync(IBrowserContext context, Uri baseAddress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Moves the page to the queue inside its circuit, as a click on the menu would (Blazor's client-side navigation),
    /// shows all languages and waits for the rows; the waiting count the page shows.
    /// </summary>
    internal static async Task<int> ShowQueueAsync(IPage page)
    {
        await page.EvaluateAsync("() => Blazor.navigateTo('/queue')");
        await page.Locator("[data-testid=queue-table]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var showAll = page.Locator("[data-testid=show-all-languages] input");
        if (await showAll.CountAsync() > 0 && !await showAll.IsCheckedAsync())
        {
            await showAll.ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
        }

        await page.Locator("[data-testid=queue-row]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var text = await page.Locator("[data-testid=waiting-count]").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 30_000 });
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var count) ? count : -1;
    }

    /// <summary>The page's circuit is up when Blazor has started and the layout rendered interactively.</summary>
    internal static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForFunctionAsync(
            "() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });

    private static async Task<long> HeapAsync(Uri baseAddress, CookieContainer cookies, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var reading = await http.GetFromJsonAsync<HeapReading>("diagnostics/heap", cancellationToken)
            ?? throw new InvalidOperationException("GET /diagnostics/heap answered nothing.");
        return reading.TotalBytes;
    }

    private sealed record HeapReading(long TotalBytes, long HeapSizeBytes, long FragmentedBytes, int Gen2Collections);
}
