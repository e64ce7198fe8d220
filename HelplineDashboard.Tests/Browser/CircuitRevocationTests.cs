using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelplineDashboard.Tests.Browser;

public sealed class CircuitRevocationTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task A_counsellor_disabled_by_an_administrator_loses_the_open_queue_at_the_next_revalidation() => RunAsync(async () =>
    {
        var email = $"temp-{Guid.NewGuid():N}@helpline.local";
        using (var scope = Browser.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Temporary Counsellor", Lines = "111,117" };
            Assert.True((await users.CreateAsync(user, HelplineAppFactory.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Counsellor)).Succeeded);
        }

        var page = await SignedInPageAsync(email);
        await Expect(page.GetByTestId("queue-table")).ToBeVisibleAsync();

        using (var scope = Browser.App.Services.CreateScope())
        {
            // What disabling does: lock the account and change its security stamp.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }

        await Expect(page).ToHaveURLAsync(BrowserSignIn.LoginUrl());
        await Expect(page.GetByTestId("queue-table")).ToHaveCountAsync(0);
    });
}
