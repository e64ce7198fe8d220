using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Bench.Harness;
using Microsoft.Data.Sqlite;

namespace HelplineDashboard.Tests.Support;

/// <summary>
/// The built app (HelplineDashboard/bin/&lt;configuration&gt;) as a separate process over a temp data folder that
/// outlives it, so a test can kill it, start it again on the same database and look at the file itself.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private static readonly string RepoRoot = FindRepoRoot();

    /// <summary>The setting <see cref="ForDatabaseAt"/> gives the app.</summary>
    private const string DatabaseSetting = "ConnectionStrings__Helpline";

    private readonly IReadOnlyList<KeyValuePair<string, string>> _environment;

    private AppUnderTest(IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        _environment = environment;
        Directory.CreateDirectory(DataDir);
        DatabasePath = environment.LastOrDefault(e => e.Key == DatabaseSetting).Value is { } connectionString
            ? new SqliteConnectionStringBuilder(connectionString).DataSource
            : Path.Combine(DataDir, "helpline.db");
    }

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "helpline-tests", "process-" + Guid.NewGuid().ToString("N"));

    public AppProcess? Current { get; private set; }

    /// <summary>The database file: in the data folder, or where <see cref="ForDatabaseAt"/> put it.</summary>
    public string DatabasePath { get; }

    /// <summary>Environment for <see cref="StartAsync"/> that puts the database file (only) at <paramref name="path"/>.</summary>
    public static KeyValuePair<string, string> ForDatabaseAt(string path) => KeyValuePair.Create(DatabaseSetting, $"Data Source={path}");

    public static async Task<AppUnderTest> StartAsync(params IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        var app = new AppUnderTest(environment);
        await app.RestartAsync();
        return app;
    }

    /// <summary>Starts the app (again) on the same data folder; the previous process must have ended.</summary>
    public async Task RestartAsync()
    {
        // Same configuration as this test assembly: bin/Debug/net10.0 next to bin/Debug/net10.0.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var contentRoot = Path.Combine(RepoRoot, "HelplineDashboard");
        var dll = Path.Combine(contentRoot, "bin", configuration, "net10.0", "HelplineDashboard.dll");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        Current = await AppProcess.StartAsync(dll, contentRoot, DataDir, _environment, timeout.Token);
    }

    public HttpClient Gateway()
    {
        var client = new HttpClient { BaseAddress = Current!.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AppProcess.GatewayKey);
        return client;
    }

    /// <summary>Every contact the test gateway has in the database file: external id → ids (more than one would be a double).</summary>
    public Dictionary<string, List<long>> StoredContacts()
    {
        using var connection = ReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ExternalId, Id FROM Contacts WHERE Gateway = $gateway";
        command.Parameters.AddWithValue("$gateway", AppProcess.GatewayName);
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<string, List<long>>();
        while (reader.Read())
        {
            var externalId = reader.GetString(0);
            if (!stored.TryGetValue(externalId, out var ids))
            {
                stored[externalId] = ids = [];
            }

            ids.Add(reader.GetInt64(1));
        }

        return stored;
    }

    /// <summary>The ids of the contacts claimed in the database file.</summary>
    public HashSet<long> ClaimedContacts()
    {
        using var connection = ReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Contacts WHERE Status = 'Claimed'";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>The answer of a <c>SELECT COUNT(*) …</c> on the database file.</summary>
    public long Count(string sql)
    {
        using var connection = ReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Current is not null)
        {
            await Current.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private SqliteConnection ReadOnly()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelplineDashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HelplineDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// Gateways posting distinct contacts back to back, each remembering what it was told: a 201 (acknowledged, must
/// survive anything), another status, or no answer at all (the connection died: the gateway will retry).
/// </summary>
public sealed class IntakeBurst(HttpClient gateway, string prefix)
{
    public ConcurrentDictionary<string, long> Acknowledged { get; } = new();

    public ConcurrentDictionary<string, HttpStatusCode> OtherAnswers { get; } = new();

    public ConcurrentDictionary<string, object> Sent { get; } = new();

    public ConcurrentBag<string> Unanswered { get; } = [];

    public static object Body(string externalId) =>
        GatewayClient.Contact(externalId, channel: "Sms", from: "+77011234567", message: "Помогите, пожалуйста " + externalId);

    /// <summary>Each worker stops at its first failed connection or after <paramref name="perWorker"/> posts.</summary>
    public Task RunAsync(int workers, int perWorker) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; n < perWorker; n++)
            {
                var externalId = $"{prefix}-{worker}-{n}";
                var body = Body(externalId);
                Sent[externalId] = body;
                try
                {
                    using var response = await gateway.PostAsJsonAsync("/api/v1/contacts", body);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
                        Acknowledged[externalId] = receipt!.Id;
                    }
                    else
                    {
                        OtherAnswers[externalId] = response.StatusCode;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    Unanswered.Add(externalId);
                    return;
                }
            }
        })));

    public sealed record Receipt(long Id, string Status, int? Position);
}
