using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_up_migrates_the_database_into_WAL_mode_and_seeds_demo_accounts_in_Development()
    {
        await using var factory = new HelplineAppFactory();
        _ = factory.Server;

        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(journal));
        Assert.True(File.Exists(factory.DatabasePath));

        var users = factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var account in AccountSeeder.DemoAccounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, account.Role));
        }
    }

    [Fact]
    public async Task Outside_Development_no_default_accounts_exist()
    {
        await using var factory = new HelplineAppFactory(useKestrel: false, environment: "Production");
        _ = factory.Server;

        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    [Fact]
    public async Task The_first_administrator_is_created_by_the_seeder_used_by_create_admin()
    {
        await using var factory = new HelplineAppFactory(useKestrel: false, environment: "Production");
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().CreateAdministratorAsync("first.admin@ministry.example", "First Admin", "A-long-enough-passphrase-1");

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("first.admin@ministry.example");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<AccountSeeder>().CreateAdministratorAsync("weak@ministry.example", "Weak", "short"));
    }
}
