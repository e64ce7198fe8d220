using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelplineDashboard.Tests.Support;
using Xunit.Abstractions;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// A disk that is really full: the real app process with its database file on a small tmpfs, filled by a gateway until
/// the file system refuses to write. The database is read through a memory map
/// (docs/decisions/0027-memory-mapped-reads.md); a write into a mapped file on a full tmpfs would kill the process with
/// SIGBUS, so this proves writes still go through <c>pwrite</c> and end as SQLITE_FULL: 503 with Retry-After, nothing
/// lost or half-written, and recovery without a restart once there is space again. Mounting needs root (CI runs as root).
/// </summary>
[Collection(ProcessFaultCollection.Name)]
public sealed class FullDiskProcessTests(ITestOutputHelper output)
{
    private const int MaxPosts = 2_000;
    private const long WalNearCheckpoint = 3_500 * 1024;

    [RootFact]
    public async Task On_a_full_tmpfs_the_real_process_answers_503_with_retry_after_loses_nothing_and_recovers_when_space_returns()
    {
        await using var disk = await Tmpfs.MountAsync(megabytes: 64);
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.ForDatabaseAt(Path.Combine(disk.Path, "helpline.db")));
        using var gateway = app.Gateway();
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostContactAsync(GatewayClient.Big("before-full"))).StatusCode);

        // Fill the write-ahead log to near SQLite's checkpoint (1,000 pages), then leave less room than a checkpoint
        // needs: the next checkpoint grows the database file (the memory-mapped one) and finds the disk full.
        var wal = new FileInfo(Path.Combine(disk.Path, "helpline.db-wal"));
        var acknowledged = new List<string> { "before-full" };
        for (var n = 0; n < MaxPosts && Refresh(wal).Length < WalNearCheckpoint; n++)
        {
            var externalId = $"fill-{n}";
            Assert.Equal(HttpStatusCode.Created, (await gateway.PostContactAsync(GatewayClient.Big(externalId))).StatusCode);
            acknowledged.Add(externalId);
        }

        await disk.ResizeAsync(disk.UsedKilobytes() + 2560);
        var (refused, refusedId) = await gateway.PostBigUntilRefusedAsync("full", MaxPosts, acknowledged);

        Assert.NotNull(refused);
        output.WriteLine($"{acknowledged.Count} contacts acknowledged, then {refused.StatusCode}; {disk.UsedKilobytes()} KB used, " +
            $"database {new FileInfo(app.DatabasePath).Length / 1024} KB, log {Refresh(wal).Length / 1024} KB");
        Assert.False(app.Current!.HasExited, "the app died when the disk filled");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(503, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());

        // Space returns; the gateway retries what was refused and the same process takes it.
        await disk.ResizeAsync(64 * 1024);
        await Eventually.MatchAsync(
            async () =>
            {
                using var retry = await gateway.PostContactAsync(GatewayClient.Big(refusedId!));
                return retry.StatusCode;
            },
            status => status == HttpStatusCode.Created,
            TimeSpan.FromSeconds(30),
            "the refused contact accepted once there is space");
        acknowledged.Add(refusedId!);

        await app.Current!.DisposeAsync();
        Assert.Equal("ok", app.IntegrityCheck());
        var stored = app.StoredContacts();
        Assert.Equal(acknowledged.Order(), stored.Keys.Order());
        Assert.All(stored, contact => Assert.Single(contact.Value));
    }

    private static FileInfo Refresh(FileInfo file)
    {
        file.Refresh();
        return file;
    }

}

/// <summary>A fact that needs root (mounting a file system); skipped for anyone else.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root to mount a tmpfs";
        }
    }
}

/// <summary>A tmpfs of a given size on a fresh folder, resizable while in use, unmounted on dispose.</summary>
public sealed class Tmpfs : IAsyncDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static async Task<Tmpfs> MountAsync(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "helpline-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return new Tmpfs(path);
    }

    /// <summary>Kilobytes in use on the file system.</summary>
    public long UsedKilobytes()
    {
        var drive = new DriveInfo(Path);
        return (drive.TotalSize - drive.TotalFreeSpace) / 1024;
    }

    /// <summary>A new size (not below what is used), files and open handles kept.</summary>
    public Task ResizeAsync(long kilobytes) => RunAsync("mount", "-o", $"remount,size={kilobytes}k", Path);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "--lazy", Path);
        Directory.Delete(Path);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
