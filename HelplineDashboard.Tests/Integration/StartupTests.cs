using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
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
    public async Task Every_connection_reads_the_database_file_through_a_memory_map_and_writes_with_full_durability()
    {
        await using var factory = new HelplineAppFactory();
        await using var db = factory.CreateDbContext();

        var mapped = await db.Database.SqlQueryRaw<long>("PRAGMA mmap_size").ToListAsync();
        var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();

        Assert.Equal(SqliteHardeningInterceptor.MemoryMapBytes, Assert.Single(mapped));
        Assert.Equal(2, Assert.Single(synchronous)); // FULL
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

    [Fact]
    public async Task A_restart_finds_a_fully_initialised_database_current_without_starting_entity_framework()
    {
        await using var factory = new HelplineAppFactory();
        _ = factory.Server;

        await using var probe = await StartupProbe.OpenAsync(factory.Services.GetHelplineConnectionString(), CancellationToken.None);
        Assert.NotNull(probe);
        Assert.True(await probe.SchemaIsCurrentAsync(CancellationToken.None));
        var normalizer = factory.Services.CreateScope().ServiceProvider.GetRequiredService<ILookupNormalizer>();
        Assert.True(await AccountSeeder.IsDoneAsync(probe, normalizer, demoAccounts: true, CancellationToken.None));

        await using var db = factory.CreateDbContext();
        Assert.Equal(StartupProbe.MigrationIds, db.Database.GetMigrations());
    }

    [Fact]
    public async Task A_database_missing_a_migration_is_not_current()
    {
        await using var factory = new HelplineAppFactory();
        _ = factory.Server;
        await ExecuteAsync(factory, $"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{StartupProbe.MigrationIds[^1]}'""");

        await using var probe = await StartupProbe.OpenAsync(factory.Services.GetHelplineConnectionString(), CancellationToken.None);
        Assert.False(await probe!.SchemaIsCurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_restart_that_finds_a_demo_account_or_a_role_missing_creates_it_again()
    {
        string databasePath;
        string keysPath;
        await using (var first = new HelplineAppFactory())
        {
            _ = first.Server;
            databasePath = first.DatabasePath;
            keysPath = Path.Combine(Path.GetDirectoryName(databasePath)!, "keys");
            await ExecuteAsync(first, """DELETE FROM "AspNetUserRoles" WHERE "UserId" IN (SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = 'ADMIN@HELPLINE.LOCAL')""");
            await ExecuteAsync(first, """DELETE FROM "AspNetUsers" WHERE "NormalizedEmail" = 'ADMIN@HELPLINE.LOCAL'""");
            var normalizer = first.Services.CreateScope().ServiceProvider.GetRequiredService<ILookupNormalizer>();
            await using var probe = await StartupProbe.OpenAsync(first.Services.GetHelplineConnectionString(), CancellationToken.None);
            Assert.False(await AccountSeeder.IsDoneAsync(probe!, normalizer, demoAccounts: true, CancellationToken.None));
            Assert.True(await AccountSeeder.IsDoneAsync(probe!, normalizer, demoAccounts: false, CancellationToken.None));
            await ExecuteAsync(first, """DELETE FROM "AspNetRoles" WHERE "NormalizedName" = 'ADMIN'""");
            Assert.False(await AccountSeeder.IsDoneAsync(probe!, normalizer, demoAccounts: false, CancellationToken.None));
        }

        await using var restarted = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Helpline"] = $"Data Source={databasePath}",
            ["DataProtection:KeysPath"] = keysPath,
        });
        _ = restarted.Server;

        var users = restarted.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("admin@helpline.local");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
    }

    [Fact]
    public async Task The_model_has_no_change_missing_from_the_migrations()
    {
        // A restart on a current database does not run EF's migrator, which would refuse a model ahead of its
        // migrations; this test keeps that guard for every build.
        await using var factory = new HelplineAppFactory();
        _ = factory.Server;
        await using var db = factory.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    private static async Task ExecuteAsync(HelplineAppFactory factory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
