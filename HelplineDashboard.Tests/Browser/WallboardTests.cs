using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

/// <summary>
/// The supervisor's wallboard changes live as a contact arrives, waits past the alarm, and is claimed. Line 117's
/// longest-wait alarm is 3 s in the browser fixture (real time), so the red state comes quickly.
/// </summary>
public sealed class WallboardTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task Supervisors_wallboard_shows_a_contact_arrive_wait_past_the_alarm_and_get_claimed() => RunAsync(async () =>
    {
        var supervisor = await SignedInPageAsync(Accounts.Supervisor);
        await supervisor.GotoAsync("supervisor");
        var waiting = supervisor.GetByTestId("line-117-waiting-value");
        var longestWait = supervisor.GetByTestId("line-117-longest-wait");
        var answered = supervisor.GetByTestId("line-117-today-answered-value");
        await Expect(waiting).ToHaveTextAsync("0");
        await Expect(longestWait).ToHaveAttributeAsync("data-alarm", "false");
        var answeredBefore = int.Parse(await answered.InnerTextAsync());

        var contactId = await PostContactAsync(GatewayClient.Contact($"wallboard-{Guid.NewGuid():N}", line: "117", from: "+996555100200", language: "ky"));

        await Expect(waiting).ToHaveTextAsync("1");
        await Expect(longestWait).ToHaveAttributeAsync("data-alarm", "true");

        var claim = await Browser.App.Services.GetRequiredService<QueueService>()
            .ClaimAsync(contactId, TestActors.Counsellor("wallboard-browser", "Asel", "117"));
        Assert.Equal(ClaimStatus.Won, claim.Status);

        await Expect(waiting).ToHaveTextAsync("0");
        await Expect(longestWait).ToHaveAttributeAsync("data-alarm", "false");
        await Expect(answered).ToHaveTextAsync((answeredBefore + 1).ToString());
    });

    [Fact]
    public Task The_hourly_chart_spans_its_line_board_on_a_wide_screen_and_on_a_phone() => RunAsync(async () =>
    {
        var supervisor = await SignedInPageAsync(Accounts.Supervisor);
        await supervisor.GotoAsync("supervisor");
        var board = supervisor.GetByTestId("line-board-111");
        var chart = board.GetByTestId("hourly-chart").Locator("svg").First;

        foreach (var width in new[] { 1366, 390 })
        {
            await supervisor.SetViewportSizeAsync(width, 900);
            await supervisor.ReloadAsync();
            await Expect(chart).ToBeVisibleAsync();
            await Eventually.MatchAsync(
                async () => (await chart.BoundingBoxAsync())!.Width / (await board.BoundingBoxAsync())!.Width,
                share => share >= 0.85, TimeSpan.FromSeconds(10), $"the hourly chart spans its line board at {width} px");
        }
    });

    [Fact]
    public Task A_counsellor_going_on_break_from_the_app_bar_shows_on_the_wallboard_at_once() => RunAsync(async () =>
    {
        var supervisor = await SignedInPageAsync(Accounts.Supervisor);
        var counsellor = await SignedInPageAsync(Accounts.Counsellor1);
        string counsellorId;
        await using (var db = Browser.App.CreateDbContext())
        {
            counsellorId = db.Users.Single(u => u.Email == Accounts.Counsellor1).Id;
        }

        await supervisor.GotoAsync("supervisor");
        var row = supervisor.GetByTestId($"counsellor-{counsellorId}");
        await Expect(row).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(Available|Busy)$"));

        await counsellor.GetByTestId("presence-current").ClickAsync();
        await counsellor.GetByTestId("presence-Break").ClickAsync();

        await Expect(counsellor.GetByTestId("presence-current")).ToHaveAttributeAsync("data-status", "Break");
        await Expect(row).ToHaveAttributeAsync("data-status", "Break");

        await counsellor.GetByTestId("presence-current").ClickAsync();
        await counsellor.GetByTestId("presence-Available").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "Available");
    });

    private async Task<long> PostContactAsync(object contact)
    {
        using var gateway = GatewayClient.For(Browser.App);
        using var response = await gateway.PostContactAsync(contact);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return receipt.GetProperty("id").GetInt64();
    }
}
