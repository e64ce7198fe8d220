namespace HelplineDashboard.Bench.Harness;

/// <summary>An app somebody else runs; the harness neither starts nor stops it.</summary>
public sealed record ExternalApp(Uri BaseAddress, string ApiKey) : IAppTarget
{
    public string? DatabasePath => null;

    public int? ProcessId => null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Starts the built app for a run (fresh database in a given folder), or hands out the <c>--url</c> app.</summary>
public sealed class AppLauncher(BenchOptions options, RepoPaths paths)
{
    public bool StartsApps => options.Url is null;

    public string AppDll => options.AppDll ?? paths.DefaultAppDll;

    public async Task<IAppTarget> StartAsync(TempDir dataDir, CancellationToken cancellationToken)
    {
        if (options.Url is null)
        {
            return await AppProcess.StartAsync(AppDll, paths.AppProjectDir, dataDir.Path, cancellationToken);
        }

        var external = new ExternalApp(options.Url, options.ApiKey);
        await AppProcess.WaitForSignInPageAsync(external.BaseAddress, () => false, TimeSpan.FromSeconds(30), cancellationToken);
        return external;
    }
}

/// <summary>A fresh folder under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("helpline-bench-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }
}
