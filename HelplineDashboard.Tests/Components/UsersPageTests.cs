using Bunit;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Components;

public sealed class UsersPageTests : HelplineTestContext
{
    public UsersPageTests()
    {
        Services.AddIdentityCore<ApplicationUser>(options => options.Password.RequiredLength = 12)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HelplineDbContext>();
        SignInAs(TestActors.Admin("admin-1"));
    }

    private async Task EnsureRolesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }

    [Fact]
    public async Task The_users_page_creates_a_user_and_shows_the_generated_password_once()
    {
        await EnsureRolesAsync();
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("No users.", page.Markup));

        page.Find("input[data-testid=new-user-email]").Change("madina@helpline.local");
        page.Find("input[data-testid=new-user-name]").Change("Madina Nurlanovna");
        page.Find("input[data-testid=new-user-role-Supervisor]").Change(true);
        page.Find("input[data-testid=new-user-line-117]").Change(true);
        await page.Find("[data-testid=create-user]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("madina@helpline.local", page.Find("[data-testid=user-email]").TextContent.Trim()));
        Assert.Equal("Counsellor, Supervisor", page.Find("[data-testid=user-roles]").TextContent.Trim());
        Assert.Equal("117", page.Find("[data-testid=user-lines]").TextContent.Trim());
        var password = page.Find("[data-testid=secret-value]").TextContent.Trim();
        Assert.Equal(PasswordGenerator.Length, password.Length);

        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync("madina@helpline.local");
            Assert.NotNull(user);
            Assert.Equal("Madina Nurlanovna", user.DisplayName);
            Assert.True(await users.CheckPasswordAsync(user, password));
            Assert.Equal([Roles.Counsellor, Roles.Supervisor], (await users.GetRolesAsync(user)).Order());
        }

        await page.Find("[data-testid=dismiss-secret]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.DoesNotContain(password, page.Markup));
    }

    [Fact]
    public async Task A_refused_user_is_not_created_and_the_form_keeps_its_input()
    {
        await EnsureRolesAsync();
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("No users.", page.Markup));

        page.Find("input[data-testid=new-user-email]").Change("no-line@helpline.local");
        page.Find("input[data-testid=new-user-name]").Change("No Line");
        await page.Find("[data-testid=create-user]").ClickAsync(new());

        Assert.Empty(page.FindAll("[data-testid=one-time-secret]"));
        Assert.Contains("No users.", page.Markup);
        Assert.Equal("no-line@helpline.local", page.Find("input[data-testid=new-user-email]").GetAttribute("value"));
        await using var db = Db();
        Assert.False(await db.Users.AnyAsync());
    }
}
