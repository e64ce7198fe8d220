using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Health;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// A full disk, made real: every connection the app opens gets SQLite's <c>max_page_count</c> pinned to the file's
/// size, so SQLite itself answers SQLITE_FULL when a write needs one more page.
/// </summary>
public sealed class StorageFaultTests : IAsyncLifetime
{
    private readonly HelplineAppFactory _factory = new();
    private readonly DiskLimit _disk = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<HelplineDbContext>(options => options.AddInterceptors(_disk))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_full_disk_answers_503_with_retry_after_stores_nothing_half_and_recovers_when_space_returns()
    {
        var gateway = _app.CreateClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", HelplineAppFactory.GatewayKey);
        var health = _app.Services.GetRequiredService<ServiceHealth>();
        var acknowledged = new List<string>();
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostContactAsync(GatewayClient.Big("before-full"))).StatusCode);
        acknowledged.Add("before-full");

        _disk.FillAt(PageCount());
        var (refused, refusedId) = await gateway.PostBigUntilRefusedAsync("full", 100, acknowledged);

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(StorageUnavailableMiddleware.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.True(health.Current.Degraded);
        Assert.Equal("disk full", health.Current.Reason);

        _disk.Free();
        Assert.Equal("ok", IntegrityCheck());
        await using (var db = _factory.CreateDbContext())
        {
            var stored = await db.Contacts.Select(c => c.ExternalId).ToListAsync();
            Assert.Equal(acknowledged.Order(), stored.Order());
        }

        // The gateway retries after Retry-After; the contact lands and the banner goes away.
        var retry = await gateway.PostContactAsync(GatewayClient.Big(refusedId!));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(health.Current.Degraded);
    }

    [Fact]
    public async Task A_full_disk_during_a_concurrent_burst_answers_each_post_201_or_503_and_stores_exactly_the_acknowledged_ones()
    {
        var gateway = _app.CreateClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", HelplineAppFactory.GatewayKey);
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostContactAsync(GatewayClient.Big("before-burst"))).StatusCode);

        _disk.FillAt(PageCount() + 2);
        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(async n =>
        {
            var externalId = $"burst-{n}";
            using var response = await gateway.PostContactAsync(GatewayClient.Big(externalId));
            return (ExternalId: externalId, response.StatusCode);
        }));

        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        Assert.Contains(answers, answer => answer.StatusCode == HttpStatusCode.ServiceUnavailable);
        _disk.Free();
        Assert.Equal("ok", IntegrityCheck());
        await using var db = _factory.CreateDbContext();
        var stored = await db.Contacts.Select(c => c.ExternalId).ToListAsync();
        var acknowledged = answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.ExternalId).Append("before-burst");
        Assert.Equal(acknowledged.Order(), stored.Order());
    }

    [Fact]
    public void Storage_faults_that_pass_are_told_from_bugs()
    {
        Assert.NotNull(StorageFailure.Find(new DbUpdateException("save", new SqliteException("database or disk is full", 13))));
        Assert.NotNull(StorageFailure.Find(new SqliteException("disk I/O error", 10 | (3 << 8))));
        Assert.NotNull(StorageFailure.Find(new InvalidOperationException("wrapped", new SqliteException("database is locked", 5))));
        Assert.NotNull(StorageFailure.Find(new SqliteException("unable to open database file", 14)));
        Assert.Null(StorageFailure.Find(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.Null(StorageFailure.Find(new InvalidOperationException("a bug")));
    }

    private long PageCount() => (long)Pragma("page_count");

    private string IntegrityCheck() => (string)Pragma("integrity_check");

    private object Pragma(string name)
    {
        using var db = _factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return command.ExecuteScalar()!;
    }

    /// <summary>Pins <c>max_page_count</c> on every connection the app opens while the disk is "full".</summary>
    private sealed class DiskLimit : DbConnectionInterceptor
    {
        private long _maxPages = long.MaxValue;

        public void FillAt(long pages) => Interlocked.Exchange(ref _maxPages, pages);

        public void Free() => Interlocked.Exchange(ref _maxPages, long.MaxValue);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            var pages = Interlocked.Read(ref _maxPages);
            command.CommandText = $"PRAGMA max_page_count = {(pages == long.MaxValue ? 2147483646 : pages)}";
            command.ExecuteNonQuery();
        }
    }
}
