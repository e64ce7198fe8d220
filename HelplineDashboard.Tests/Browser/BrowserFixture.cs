using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelplineDashboard.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// One app on a real loopback port and one headless Chromium for every browser test of the run.
/// Tests open their own <see cref="IBrowserContext"/> per signed-in person, so cookies never leak between them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright's own browser download is not available on the build machines.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        // Without these Chromium keeps dialling Google on a closed network and its connections get refused.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly int _receiverPort = TestReceiver.FreePort();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture()
    {
        // Police on line 111 delivers to the test's own receiver; the tests play the operator answering.
        App = new HelplineAppFactory(useKestrel: true, new Dictionary<string, string?>
        {
            ["Escalations:Targets:111:0:Endpoint"] = $"http://127.0.0.1:{_receiverPort}/escalations",
            ["Escalations:Targets:111:0:Secret"] = TestReceiver.Secret,

            // Live circuits re-check their user every two seconds here (a minute in production).
            ["Security:CircuitRevalidationSeconds"] = "2",

            // The wallboard test watches line 117's longest wait turn red on real time: 3 s instead of a minute.
            ["Wallboard:Lines:117:LongestWaitAlarmSeconds"] = "3",
        });
    }

    public HelplineAppFactory App { get; }

    /// <summary>The police's endpoint for line 111.</summary>
    public TestReceiver Police { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not launched yet.");

    public async Task InitializeAsync()
    {
        Police = await TestReceiver.StartAsync(_receiverPort);
        BaseAddress = App.ServerAddress;
        await using (var db = App.CreateDbContext())
        {
            // The app must run on the test's own database, never on the developer's data/helpline.db.
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            Assert.Equal(App.DatabasePath, dataSource);
        }

        // Blazor Server needs a moment to open its circuit; keep the waits generous but bounded.
        Assertions.SetDefaultExpectTimeout(20_000);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh, cookie-less browser context: one per person in a test.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        await Police.DisposeAsync();
    }
}
