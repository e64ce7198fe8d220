using HelplineDashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

/// <summary>
/// The CSS drawer and the app bar's plain menus (docs/decisions/0023-css-drawer-and-plain-menus.md) with the mouse and
/// the keyboard, on a wide and on a phone-width screen.
/// </summary>
public sealed class AppBarMenusAndDrawerTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Password = "Menus-and-drawer-2026!";

    /// <summary>A counsellor of their own: presence and language are saved on the account.</summary>
    private async Task<IPage> OwnCounsellorPageAsync(int width = 1366)
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.SignInAsync(await BrowserSteps.NewCounsellorAsync(Browser.App, Password), Password);
        await Expect(page.GetByTestId("queue-table")).ToBeVisibleAsync();
        return page;
    }

    private static ILocator QueueLink(IPage page) => page.GetByTestId("drawer").GetByRole(AriaRole.Link, new() { Name = "Queue" });

    private static ILocator MenuButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });

    [Fact]
    public Task On_a_wide_screen_the_drawer_stands_beside_the_content_and_the_Menu_button_closes_and_reopens_it() => RunAsync(async () =>
    {
        var page = await OwnCounsellorPageAsync();
        var drawer = page.GetByTestId("drawer");
        await Expect(QueueLink(page)).ToBeVisibleAsync();
        var content = page.Locator(".mud-main-content");
        Assert.True((await content.BoundingBoxAsync())!.X >= (await drawer.BoundingBoxAsync())!.Width, "The content starts beside the drawer.");

        await MenuButton(page).ClickAsync();
        await Expect(QueueLink(page)).ToBeHiddenAsync();

        // By keyboard: the button is a button, Enter toggles it.
        await MenuButton(page).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(QueueLink(page)).ToBeVisibleAsync();
        await QueueLink(page).FocusAsync();
        await Expect(QueueLink(page)).ToBeFocusedAsync();
    });

    [Fact]
    public Task On_a_phone_the_drawer_starts_closed_opens_over_the_content_and_closes_on_a_link_the_backdrop_or_the_Menu_button() => RunAsync(async () =>
    {
        var page = await OwnCounsellorPageAsync(width: 390);
        await Expect(QueueLink(page)).ToBeHiddenAsync();

        await MenuButton(page).ClickAsync();
        await Expect(QueueLink(page)).ToBeVisibleAsync();
        await page.GetByTestId("drawer").GetByRole(AriaRole.Link, new() { Name = "My cases" }).ClickAsync();
        await Expect(page.GetByTestId("case-filters")).ToBeVisibleAsync();
        await Expect(QueueLink(page)).ToBeHiddenAsync();

        await MenuButton(page).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(QueueLink(page)).ToBeVisibleAsync();
        // The backdrop covers the page beside the drawer: a tap on it closes the drawer.
        await page.Mouse.ClickAsync(370, 400);
        await Expect(QueueLink(page)).ToBeHiddenAsync();

        // The backdrop stops below the app bar: the Menu button that opened the drawer closes it again.
        await MenuButton(page).ClickAsync();
        await Expect(QueueLink(page)).ToBeVisibleAsync();
        await MenuButton(page).ClickAsync(new() { Timeout = 5_000 });
        await Expect(QueueLink(page)).ToBeHiddenAsync();
    });

    [Fact]
    public Task The_presence_menu_works_with_the_mouse() => RunAsync(async () =>
    {
        var page = await OwnCounsellorPageAsync();
        var presence = page.GetByTestId("presence-current");

        await presence.ClickAsync();
        await page.GetByTestId("presence-Break").ClickAsync();
        await Expect(presence).ToHaveAttributeAsync("data-status", "Break");
        await Expect(page.GetByTestId("presence-Break")).ToBeHiddenAsync();

        // A click outside an open menu closes it and changes nothing.
        await presence.ClickAsync();
        await Expect(page.GetByTestId("presence-Available")).ToBeVisibleAsync();
        await page.Mouse.ClickAsync(700, 600);
        await Expect(page.GetByTestId("presence-Available")).ToBeHiddenAsync();
        await Expect(presence).ToHaveAttributeAsync("data-status", "Break");
    });

    [Fact]
    public Task The_presence_menu_works_with_the_keyboard_and_every_opening_focuses_the_first_item() => RunAsync(async () =>
    {
        var page = await OwnCounsellorPageAsync();
        var presence = page.GetByTestId("presence-current");
        var button = presence.Locator("button[aria-haspopup=menu]");

        // Enter opens and focuses the first item; arrows move; Enter on an item chooses it and gives focus back.
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("presence-Available")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("presence-Busy")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("presence-Break")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(presence).ToHaveAttributeAsync("data-status", "Break");
        await Expect(page.GetByTestId("presence-Break")).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();

        // Reopened by keyboard, again on the first item; ArrowUp wraps to the last; Escape closes and returns focus.
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("presence-Available")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.GetByTestId("presence-Offline")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("presence-Offline")).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();
        await Expect(presence).ToHaveAttributeAsync("data-status", "Break");

        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByTestId("presence-Available")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(presence).ToHaveAttributeAsync("data-status", "Available");
        await Expect(button).ToBeFocusedAsync();
    });

    [Fact]
    public Task The_language_menu_on_a_phone_opens_by_keyboard_closes_with_Escape_and_Enter_chooses_a_language() => RunAsync(async () =>
    {
        var page = await OwnCounsellorPageAsync(width: 390);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Language", Exact = true });

        await button.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("language-ru")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("language-ru")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("language-ru")).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("language-ru")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("language-kk")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(page.Locator("h4")).ToHaveTextAsync("Кезек");
    });

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    [InlineData("ky")]
    public Task On_a_phone_presence_language_and_sign_out_stay_on_screen_in_every_language(string language) => RunAsync(async () =>
    {
        var page = await OwnCounsellorPageAsync(width: 390);
        await page.GetByRole(AriaRole.Button, new() { Name = "Language", Exact = true }).ClickAsync();
        await page.GetByTestId($"language-{language}").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);

        // Fully on screen: the product name gives way, the controls do not.
        var fully = new LocatorAssertionsToBeInViewportOptions { Ratio = 1 };
        await Expect(page.GetByTestId("presence-current")).ToBeInViewportAsync(fully);
        await Expect(page.GetByTestId("language-menu")).ToBeInViewportAsync(fully);
        await Expect(page.GetByTestId("sign-out")).ToBeInViewportAsync(fully);
        var presence = await page.GetByTestId("presence-current").Locator("button").BoundingBoxAsync();
        Assert.True(presence!.Height < 40, $"The presence button stays one line high ({presence.Height} px).");
    });

    [Fact]
    public Task On_a_phone_the_Claim_button_of_a_waiting_contact_is_on_screen_without_scrolling_sideways() => RunAsync(async () =>
    {
        var page = await OwnCounsellorPageAsync(width: 390);
        var contactId = await GatewayClient.QueueContactAsync(Browser.App, GatewayClient.Contact($"phone-{Guid.NewGuid():N}", region: "Almaty", urgent: true));
        var row = page.GetByTestId("queue-table").Locator("tr").Filter(new() { Has = page.Locator($"[data-contact-id='{contactId}']") });

        await Expect(row.GetByTestId("claim")).ToBeInViewportAsync(new() { Ratio = 1 });
        await row.GetByTestId("claim").ClickAsync();
        await Expect(page.GetByTestId("case-title")).ToBeVisibleAsync();
    });
}
