using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HelplineDashboard.Tests.Browser;

/// <summary>
/// Base of the browser tests: hands out pages in their own contexts, closes them after the test,
/// and when a scenario fails saves a screenshot and the HTML of every page it opened to <c>bin/.../screenshots/</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];
    private readonly List<string> _policyViolations = [];
    private readonly Lock _pagesLock = new();

    protected BrowserFixture Browser => browser;

    protected ITestOutputHelper Output => output;

    /// <summary>A page in a fresh context: a person with their own cookies.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // Chromium reports every Content-Security-Policy refusal as a console error.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (_pagesLock)
                {
                    _policyViolations.Add(message.Text);
                }
            }
        };
        lock (_pagesLock)
        {
            _pages.Add(page);
        }

        return page;
    }

    protected async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(email);
        return page;
    }

    /// <summary>Runs the scenario; on failure screenshots every open page before the failure is reported.</summary>
    protected async Task RunAsync(Func<Task> scenario, [CallerMemberName] string test = "")
    {
        try
        {
            await scenario();
            lock (_pagesLock)
            {
                Assert.True(_policyViolations.Count == 0, "The Content-Security-Policy blocked: " + string.Join(" | ", _policyViolations));
            }
        }
        catch
        {
            await ScreenshotPagesAsync(test);
            throw;
        }
    }

    private async Task ScreenshotPagesAsync(string test)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        IPage[] pages;
        lock (_pagesLock)
        {
            pages = [.. _pages];
        }

        for (var i = 0; i < pages.Length; i++)
        {
            var path = Path.Combine(folder, $"{test}-page{i + 1}");
            try
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = path + ".png", FullPage = true, Timeout = 5_000 });
                await File.WriteAllTextAsync(path + ".html", await pages[i].ContentAsync());
                output.WriteLine($"Screenshot and HTML of page {i + 1} ({pages[i].Url}): {path}.png/.html");
            }
            catch (PlaywrightException ex)
            {
                output.WriteLine($"No screenshot of page {i + 1}: {ex.Message}");
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
