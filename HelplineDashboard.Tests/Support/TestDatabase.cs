using HelplineDashboard.Data;
using HelplineDashboard.Data.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Support;

/// <summary>
/// The app's database in memory, with throw-away Data Protection keys. The database is a named, shared-cache in-memory
/// one that lives while its keep-alive connection is open (<see cref="NewInMemoryConnection"/>); each DbContext opens its
/// own connection to it, as in the app. One connection shared by every context is not safe when two of them run at once
/// (a page's load beside the wallboard's refresh failed with "unable to delete/modify user-function due to active
/// statements").
/// </summary>
public static class TestDatabase
{
    /// <summary>A connection to a new in-memory database of its own; open it first, and the database lives until it is closed.</summary>
    public static SqliteConnection NewInMemoryConnection() =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = "helpline-test-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString());

    public static IServiceCollection AddInMemoryHelplineDatabase(this IServiceCollection services, SqliteConnection keepAlive)
    {
        var protection = new EphemeralDataProtectionProvider();
        services.AddSingleton<IDataProtectionProvider>(protection);
        services.AddSingleton(new FieldProtector(protection));
        services.AddSingleton<WriteGate>();
        services.AddDbContextFactory<HelplineDbContext>(options => options
            .UseSqlite(keepAlive.ConnectionString)
            .ReplaceService<IModelCacheKeyFactory, HelplineModelCacheKeyFactory>());
        return services;
    }

    /// <summary>Applies the real migrations, as start-up does, without building the caller's service provider.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        var options = new DbContextOptionsBuilder<HelplineDbContext>()
            .UseSqlite(connection)
            .ReplaceService<IModelCacheKeyFactory, HelplineModelCacheKeyFactory>()
            .Options;
        using var db = new HelplineDbContext(options, new FieldProtector(new EphemeralDataProtectionProvider()));
        db.Database.Migrate();
    }
}
