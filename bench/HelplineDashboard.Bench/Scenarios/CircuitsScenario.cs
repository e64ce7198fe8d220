using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;
using Microsoft.Playwright;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 4, circuit memory: N counsellor pages in one headless Chromium (a browser context per few pages, each
/// signed in through the form as one of the demo counsellors), first on their cases page (idle circuits: signed in, the
/// layout, no queue; a counsellor's home page is the queue itself), then moved
/// inside the same circuit to the queue with M waiting contacts (all languages shown; the list is virtualised). Memory
/// per circuit is the app's managed heap after a full compacting collection (<c>GET /diagnostics/heap</c>, Development
/// only) minus the heap before any page opened, divided by N.
/// </summary>
/// <remarks>
/// Pages open a few at a time (<see cref="Parallel"/>) and the heap is read only once every page is up or the phase's
/// deadline passed; a page that failed to open is retried until then. The pages are kept light: one renderer process
/// per few pages, no images, fonts or favicons. With <c>BENCH_HEAP_DUMPS=&lt;folder&gt;</c> the scenario also writes a
/// full dump of the app (the runtime's <c>createdump</c>) after each heap reading, to diff by type.
/// </remarks>
public sealed class CircuitsScenario(AppLauncher launcher, BenchOptions options) : IScenario
{
    private const int PagesPerContext = 10;
    private const int Parallel = 4;
    internal const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Counsellors = ["counsellor1@helpline.local", "counsellor2@helpline.local"];
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Opening the pages and moving them to the queue each get this long; the figures divide by the pages that made it.</summary>
    private static readonly TimeSpan PhaseBudget = TimeSpan.FromMinutes(5);

    public string Name => "circuits";

    public string Title => "4. Circuit memory";

    public string Setup =>
        $"{options.Circuits} counsellor pages in one headless Chromium ({Chromium}, {PagesPerContext} pages per browser context, " +
        $"{Parallel} opened at a time, demo counsellors), {options.CircuitContacts} waiting contacts; managed heap after " +
        "GC.Collect(2, forced, blocking, compacting) via GET /diagnostics/heap once every page is up, minus the heap before the pages, divided by the pages";

    public IReadOnlyList<Metric> Metrics => launcher.StartsApps
        ?
        [
            new("queue", "heap per circuit, queue page with the waiting contacts", "KB", Target.NoMoreThan(500, "KB"), 0),
            new("idle", "heap per circuit, idle (signed in, on \"My cases\", no cases)", "KB", Decimals: 0),
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
            Args =
            [
                "--disable-gpu", "--disable-extensions", "--mute-audio", "--no-first-run", "--renderer-process-limit=4",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--disable-sync",
                "--blink-settings=imagesEnabled=false",
            ],
        });

        var contexts = new Contexts(browser, app.BaseAddress);

        // One warm-up circuit on the queue first, kept open and not counted: the app's one-time costs (compiled
        // components, caches, the first queue read) are then in the base, not spread over the pages measured.
        var warmUp = await OpenIdleAsync(await contexts.ForPageAsync(-1, ct), app.BaseAddress, ct);
        await ShowQueueAsync(warmUp);

        var heapReader = await SignIn.AsAsync(app.BaseAddress, SignIn.Supervisor, SignIn.DemoPassword, ct);
        var baseHeap = await HeapAsync(app, heapReader, "0-base", ct);
        result.Values["base"] = baseHeap / 1_048_576.0;

        // Idle circuits: every page signed in on the home page, a few opening at a time, each retried until the deadline.
        var pages = new IPage?[options.Circuits];
        var opening = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(
            Enumerable.Range(0, options.Circuits),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
            async (i, token) => pages[i] = await UntilDeadlineAsync(opening, async () =>
                await OpenIdleAsync(await contexts.ForPageAsync(i, token), app.BaseAddress, token), token));
        var open = pages.OfType<IPage>().ToList();
        Console.WriteLine($"  circuits: {open.Count} of {options.Circuits} pages up in {opening.Elapsed.TotalSeconds:N0} s");

        var idleHeap = await HeapAsync(app, heapReader, "1-idle", ct);
        result.Values["idle"] = (idleHeap - baseHeap) / 1024.0 / open.Count;
        result.Values["opened"] = open.Count;

        // The same circuits on the queue.
        var shown = new int[open.Count];
        var moving = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(
            Enumerable.Range(0, open.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
            async (i, token) => shown[i] = await UntilDeadlineAsync(moving, () => ShowQueueAsync(open[i]), token));
        var onQueue = shown.Count(count => count > 0);
        Console.WriteLine($"  circuits: waiting counts shown: {string.Join(", ", shown.CountBy(count => count).Select(c => $"{c.Key} on {c.Value} pages"))}");
        Console.WriteLine($"  circuits: {onQueue} of {open.Count} pages on the queue in {moving.Elapsed.TotalSeconds:N0} s");

        var queueHeap = await HeapAsync(app, heapReader, "2-queue", ct);
        // Pages not moved in time stay idle: count them at the idle figure and divide the rest by the pages on the queue.
        result.Values["queue"] = onQueue == 0
            ? double.NaN
            : (queueHeap - baseHeap - (idleHeap - baseHeap) / (double)open.Count * (open.Count - onQueue)) / 1024.0 / onQueue;
        result.Values["pages"] = shown.Count(count => count == options.CircuitContacts);
        result.Values["moved"] = onQueue;
        result.Facts["heap (bytes): base / idle / queue"] = $"{baseHeap:N0} / {idleHeap:N0} / {queueHeap:N0}";
        return result;
    }

    /// <summary>Tries <paramref name="attempt"/> until it succeeds or the phase's deadline passed (then default).</summary>
    private static async Task<T?> UntilDeadlineAsync<T>(Stopwatch phase, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        while (phase.Elapsed < PhaseBudget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await attempt();
            }
            catch (Exception failed) when (failed is PlaywrightException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                Console.WriteLine($"  circuits: retrying after {failed.GetType().Name}: {failed.Message.Split('\n')[0]}");
            }
        }

        return default;
    }

    /// <summary>One signed-in browser context per <see cref="PagesPerContext"/> pages, created on first use.</summary>
    private sealed class Contexts(IBrowser browser, Uri baseAddress)
    {
        private readonly Dictionary<int, Task<IBrowserContext>> _byIndex = [];

        public Task<IBrowserContext> ForPageAsync(int page, CancellationToken cancellationToken)
        {
            var index = page < 0 ? -1 : page / PagesPerContext;
            lock (_byIndex)
            {
                if (!_byIndex.TryGetValue(index, out var context) || context.IsFaulted)
                {
                    _byIndex[index] = context = NewSignedInContextAsync(browser, baseAddress, index + 1, cancellationToken);
                }

                return context;
            }
        }
    }

    internal static async Task<IBrowserContext> NewSignedInContextAsync(
        IBrowser browser, Uri baseAddress, int index, CancellationToken cancellationToken, BrowserNewContextOptions? contextOptions = null)
    {
        var context = await browser.NewContextAsync(contextOptions ?? new BrowserNewContextOptions { ViewportSize = new() { Width = 1000, Height = 700 } });
        // Keep the pages light: nothing but the documents, styles and scripts the circuit needs.
        await context.RouteAsync("**/*", route =>
            route.Request.ResourceType is "image" or "font" or "media" ? route.AbortAsync() : route.ContinueAsync());
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

    internal static async Task<IPage> OpenIdleAsync(IBrowserContext context, Uri baseAddress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(baseAddress, "/cases").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
            await WaitForCircuitAsync(page);
            return page;
        }
        catch
        {
            await page.CloseAsync();
            throw;
        }
    }

    /// <summary>
    /// Moves the page to the queue inside its circuit, as a click on the menu would (Blazor's client-side navigation),
    /// shows all languages and waits until no contact is left hidden as "in other languages"; the waiting count the page shows.
    /// </summary>
    internal static async Task<int> ShowQueueAsync(IPage page)
    {
        await page.EvaluateAsync("() => Blazor.navigateTo('/queue')");
        await page.Locator("[data-testid=queue-table]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        // The test id sits on the switch's input itself (MudSwitch put it there too; "[data-testid=...] input" found nothing).
        var showAll = page.Locator("input[data-testid=show-all-languages], [data-testid=show-all-languages] input");
        if (await showAll.CountAsync() > 0 && !await showAll.IsCheckedAsync())
        {
            await showAll.ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
        }

        await page.Locator("[data-testid=queue-row]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        try
        {
            // All languages shown: no "more in other languages" left.
            await page.Locator("[data-testid=other-languages-count]").WaitForAsync(
                new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Report what the page shows.
        }

        var text = await page.Locator("[data-testid=waiting-count]").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 30_000 });
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var count) ? count : -1;
    }

    /// <summary>The page's circuit is up when Blazor has started and the layout rendered interactively.</summary>
    private static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForFunctionAsync(
            "() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 250 });

    private static async Task<long> HeapAsync(IAppTarget app, CookieContainer cookies, string label, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var reading = await http.GetFromJsonAsync<HeapReading>("diagnostics/heap", cancellationToken)
            ?? throw new InvalidOperationException("GET /diagnostics/heap answered nothing.");
        await DumpAsync(app, label, cancellationToken);
        return reading.TotalBytes;
    }

    /// <summary>With <c>BENCH_HEAP_DUMPS</c> set: a full dump of the app (the runtime's createdump) to diff by type.</summary>
    private static async Task DumpAsync(IAppTarget app, string label, CancellationToken cancellationToken)
    {
        var folder = Environment.GetEnvironmentVariable("BENCH_HEAP_DUMPS");
        if (string.IsNullOrEmpty(folder) || app.ProcessId is not { } pid)
        {
            return;
        }

        var createdump = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "createdump");
        Directory.CreateDirectory(folder);
        using var process = Process.Start(new ProcessStartInfo(createdump, ["--full", "-f", Path.Combine(folder, $"{label}.dmp"), pid.ToString()])
        {
            RedirectStandardOutput = true,
        })!;
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
    }

    private sealed record HeapReading(long TotalBytes, long HeapSizeBytes, long FragmentedBytes, int Gen2Collections);
}
