using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

/// <summary>Steps several browser scenarios share: a gateway posting a contact, finding its queue row, picking from a select.</summary>
public static partial class BrowserSteps
{
    /// <summary>Posts a contact as the test gateway does and returns its id.</summary>
    public static async Task<long> PostContactAsync(HelplineAppFactory app, object contact)
    {
        using var gateway = GatewayClient.For(app);
        using var response = await gateway.PostContactAsync(contact);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
        return receipt!.Id;
    }

    /// <summary>
    /// A new counsellor of line 111 (Kazakh and Russian) with this password; returns their email. Their presence and
    /// saved UI language are their own, so a test that changes them cannot reach another test.
    /// </summary>
    public static async Task<string> NewCounsellorAsync(HelplineAppFactory app, string password)
    {
        var email = $"counsellor-{Guid.NewGuid():N}@helpline.local";
        var admin = await Administrators.SeededAdminAsync(app);
        await app.Services.GetRequiredService<UserAdministrationService>().CreateAsync(new NewUser
        {
            Email = email, DisplayName = "Saule Nurlanovna", Roles = [Roles.Counsellor], Lines = ["111"], Languages = ["kk", "ru"], Password = password,
        }, admin);
        return email;
    }

    /// <summary>The queue row (the whole table row) of a contact.</summary>
    public static ILocator QueueRow(IPage page, long contactId) =>
        page.GetByTestId("queue-table").Locator("tr").Filter(new()
        {
            Has = page.Locator($"[data-testid=queue-row][data-contact-id='{contactId}']"),
        });

    /// <summary>
    /// Picks an option of a MudSelect the way a person does: open it, click the option in its popover.
    /// The select's input is a combobox whose aria-controls names the listbox in the popover.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "true");
        var listbox = page.Locator($"[id='{await select.GetAttributeAsync("aria-controls")}']");
        await listbox.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "false");

        // Once chosen, MudSelect shows the value as text in place of its empty input.
        await Expect(select).ToHaveTextAsync(option);
    }

    [GeneratedRegex(@"/cases/(?<id>\d+)$")]
    public static partial Regex CaseUrl();

    private sealed record Receipt(long Id, string Status, int? Position);
}
