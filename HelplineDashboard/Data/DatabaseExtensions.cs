using HelplineDashboard.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HelplineDashboard.Data;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Helpline";

    private static readonly SqliteHardeningInterceptor HardeningInterceptor = new();

    /// <summary>
    /// Registers the SQLite database named by <c>ConnectionStrings:Helpline</c>. A relative file path is
    /// taken from the content root and its folder is created.
    /// </summary>
    public static IServiceCollection AddHelplineDatabase(this IServiceCollection services)
    {
        services.AddSingleton<WriteGate>();

        // Read when the container builds, so every configuration source (tests' included) has been applied.
        services.AddDbContextFactory<HelplineDbContext>((provider, options) =>
        {
            options.UseSqlite(provider.GetHelplineConnectionString())
                .AddInterceptors(HardeningInterceptor)
                .ReplaceService<IModelCacheKeyFactory, HelplineModelCacheKeyFactory>();
        });
        return services;
    }

    /// <summary>The connection string EF uses: <c>ConnectionStrings:Helpline</c> with its file resolved and its folder created.</summary>
    public static string GetHelplineConnectionString(this IServiceProvider provider)
    {
        var configured = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        return ResolveConnectionString(configured, provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
    }

    internal static string ResolveConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var path = Path.IsPathRooted(builder.DataSource)
                ? builder.DataSource
                : Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Writers wait for each other instead of failing with "database is locked".
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>Applies pending migrations and switches the database to WAL journalling.</summary>
    public static async Task MigrateHelplineDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<HelplineDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await PlaintextBackfill.RunAsync(db, services.GetRequiredService<CallerKeyHasher>(), cancellationToken);
    }
}
