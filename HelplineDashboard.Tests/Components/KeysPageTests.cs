using Bunit;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

public sealed class KeysPageTests : HelplineTestContext
{
    public KeysPageTests() => SignInAs(TestActors.Admin("admin-1"));

    [Fact]
    public async Task A_new_key_is_shown_once_and_afterwards_only_its_prefix()
    {
        var page = Render<KeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No keys yet.", page.Markup));

        page.Find("input[data-testid=new-key-name]").Change("pbx-almaty");
        page.Find("input[data-testid=new-key-line-111]").Change(true);
        await page.Find("[data-testid=create-key]").ClickAsync(new());

        var secret = page.WaitForElement("[data-testid=secret-value]").TextContent.Trim();
        await using (var db = Db())
        {
            var stored = await db.ApiKeys.SingleAsync();
            Assert.Equal(ApiKeyService.Hash(secret), stored.KeyHash);
            Assert.Equal("111", stored.Lines);
            Assert.Equal(secret[..8], page.Find("[data-testid=key-prefix]").TextContent.TrimEnd('…'));
        }

        await page.Find("[data-testid=dismiss-secret]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=one-time-secret]")));
        Assert.DoesNotContain(secret, page.Markup);
        Assert.Contains(secret[..8], page.Markup);
        Assert.Equal("pbx-almaty", page.Find("[data-testid=key-name]").TextContent.Trim());

        var reopened = Render<KeysPage>();
        reopened.WaitForAssertion(() => Assert.Contains(secret[..8], reopened.Markup));
        Assert.DoesNotContain(secret, reopened.Markup);
    }

    [Fact]
    public async Task Rotating_asks_first_then_shows_the_new_key_once()
    {
        var first = await Service<ApiKeyService>().CreateAsync(new NewApiKey { Name = "sms", Lines = ["117"] }, TestActors.Admin("admin-1"));
        var page = Render<KeysPage>();
        page.WaitForAssertion(() => Assert.Contains(first.Secret[..8], page.Markup));

        await page.Find("[data-testid=rotate-key]").ClickAsync(new());
        Assert.Empty(page.FindAll("[data-testid=secret-value]"));
        await page.Find("[data-testid=confirm]").ClickAsync(new());

        var secret = page.WaitForElement("[data-testid=secret-value]").TextContent.Trim();
        Assert.NotEqual(first.Secret, secret);
        Assert.Equal(secret[..8], page.Find("[data-testid=key-prefix]").TextContent.TrimEnd('…'));
        Assert.Null(await Service<ApiKeyService>().AuthenticateAsync(first.Secret));
        Assert.NotNull(await Service<ApiKeyService>().AuthenticateAsync(secret));
    }
}
