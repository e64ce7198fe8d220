using HelplineDashboard.Data;
using HelplineDashboard.Data.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Support;

/// <summary>The app's database over one open in-memory SQLite connection, with throw-away Data Protection keys.</summary>
public static class TestDatabase
{
    public static IServiceCollection AddInMemoryHelplineDatabase(this IServiceCollection services, SqliteConnection connection)
    {
        var protection = new EphemeralDataProtectionProvider();
        services.AddSingleton<IDataProtectionProvider>(protection);
        services.AddSingleton(new FieldProtector(protection));
        services.AddSingleton<WriteGate>();
        services.AddDbContextFactory<HelplineDbContext>(options => options
            .UseSqlite(connection)
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
