namespace HelplineDashboard.Bench.Harness;

/// <summary>An app somebody else runs; the harness neither starts nor stops it.</summary>
public sealed record ExternalApp(Uri BaseAddress, string ApiKey) : IAppTarget
{
    public string? DatabasePath => null;

    public int? ProcessId => null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Starts the built app for a run (fresh database in a given folder), or hands out the <c>--url</c> app.</summary>
public sealed class AppLauncher(BenchOptions options, RepoPaths paths) : IDisposable
{
    private readonly SemaphoreSlim _publishing = new(1);
    private TempDir? _published;

    public bool StartsApps => options.Url is null;

    public string AppDll => _published is { } folder
        ? Path.Combine(folder.Path, "HelplineDashboard.dll")
        : options.AppDll ?? paths.DefaultAppDll;

    /// <summary>What is started: the Release build, a published (ReadyToRun) folder, or the given dll.</summary>
    public string Build => options.Publish ? "published: dotnet publish -c Release, ReadyToRun"
        : options.AppDll is null ? "dotnet build -c Release" : options.AppDll;

    /// <summary>
    /// A build's content root is the project folder (wwwroot and the static web assets manifest live there); a published
    /// folder is its own content root, as on a server.
    /// </summary>
    private string ContentRoot =>
        Path.GetDirectoryName(AppDll) is { } folder && Directory.Exists(Path.Combine(folder, "wwwroot")) ? folder : paths.AppProjectDir;

    public async Task<IAppTarget> StartAsync(TempDir dataDir, CancellationToken cancellationToken)
    {
        if (options.Url is null)
        {
            await PublishOnceAsync(cancellationToken);
            return await AppProcess.StartAsync(AppDll, ContentRoot, dataDir.Path, options.AppEnvironment, cancellationToken);
        }

        var external = new ExternalApp(options.Url, options.ApiKey);
        await AppProcess.WaitForSignInPageAsync(external.BaseAddress, () => false, TimeSpan.FromSeconds(30), cancellationToken);
        return external;
    }

    public void Dispose()
    {
        _published?.Dispose();
        _publishing.Dispose();
    }

    /// <summary>With <c>--publish</c>: <c>dotnet publish -c Release</c> of the app, once, before the first start.</summary>
    private async Task PublishOnceAsync(CancellationToken cancellationToken)
    {
        if (!options.Publish || _published is not null)
        {
            return;
        }

        await _publishing.WaitAsync(cancellationToken);
        try
        {
            if (_published is not null)
            {
                return;
            }

            var folder = new TempDir();
            var info = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false };
            foreach (var arg in new[] { "publish", paths.AppProjectDir, "-c", "Release", "-o", folder.Path, "-v", "quiet", "-nologo" })
            {
                info.ArgumentList.Add(arg);
            }

            Console.WriteLine($"   publishing the app (dotnet publish -c Release) to {folder.Path} ...");
            using var publish = System.Diagnostics.Process.Start(info)!;
            await publish.WaitForExitAsync(cancellationToken);
            if (publish.ExitCode != 0)
            {
                folder.Dispose();
                throw new InvalidOperationException($"dotnet publish failed (exit code {publish.ExitCode}).");
            }

            _published = folder;
        }
        finally
        {
            _publishing.Release();
        }
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
