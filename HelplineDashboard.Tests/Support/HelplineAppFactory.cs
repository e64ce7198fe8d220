using System.Security.Cryptography;
using System.Text;
using HelplineDashboard.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Support;

/// <summary>
/// The whole app over its own SQLite file, with the demo accounts, no simulator, and two test gateways.
/// With <c>useKestrel</c> it listens on a real loopback port for browsers.
/// </summary>
public sealed class HelplineAppFactory : WebApplicationFactory<Program>
{
    public const string GatewayKey = "test-gateway-key";
    public const string KazakhstanOnlyGatewayKey = "kz-only-gateway-key";
    public const string Password = Features.Accounts.AccountSeeder.DemoPassword;

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "helpline-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    public HelplineAppFactory()
        : this(useKestrel: false)
    {
    }

    internal HelplineAppFactory(bool useKestrel, IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        _environment = environment;
        Directory.CreateDirectory(_dataFolder);
        DatabasePath = Path.Combine(_dataFolder, "helpline.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Helpline"] = $"Data Source={DatabasePath}",
            ["DataProtection:KeysPath"] = Path.Combine(_dataFolder, "keys"),
            ["Simulator:Enabled"] = "false",
            ["DemoData:SeedAccounts"] = "true",
            ["Intake:Gateways:dev-gateway:KeySha256"] = "",
            ["Intake:Gateways:test-gateway:KeySha256"] = Sha256(GatewayKey),
            ["Intake:Gateways:test-gateway:Lines:0"] = "111",
            ["Intake:Gateways:test-gateway:Lines:1"] = "117",
            ["Intake:Gateways:kz-gateway:KeySha256"] = Sha256(KazakhstanOnlyGatewayKey),
            ["Intake:Gateways:kz-gateway:Lines:0"] = "111",
            ["Logging:LogLevel:Default"] = "Warning",

            // Tests read the English texts (the keys) unless they choose a language; the deployment's default is Russian.
            ["Localization:DefaultCulture"] = "en",
        };

        // No escalation leaves a test unless the test points a target at its own receiver.
        foreach (var line in new[] { "111", "117" })
        {
            for (var target = 0; target < 6; target++)
            {
                _settings[$"Escalations:Targets:{line}:{target}:Endpoint"] = "";
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (useKestrel)
        {
            UseKestrel(0);
        }
    }

    public string DatabasePath { get; }

    /// <summary>The real address when running on Kestrel, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1") + "/");
        }
    }

    public static string Sha256(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public HelplineDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<HelplineDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);

        // The app reads its database path and simulator switch when the container builds, so these win over appsettings.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }
}
