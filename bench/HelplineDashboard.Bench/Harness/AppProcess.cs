using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// The built app as a separate process on a free loopback port, with its own SQLite file, the Development
/// environment (demo accounts) without the simulator, and the harness's gateway key for both lines.
/// </summary>
public sealed class AppProcess : IAppTarget
{
    public const string GatewayName = "bench";
    public const string GatewayKey = "bench-gateway-key-not-a-secret";
    private const string SignInPath = "account/login";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly LogFile _log;
    private bool _disposed;

    private AppProcess(Process process, LogFile log, Uri baseAddress, string dataDir)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        DataDir = dataDir;
    }

    public Uri BaseAddress { get; }

    public string ApiKey => GatewayKey;

    public string DataDir { get; }

    public int? ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string DatabasePath => Path.Combine(DataDir, "helpline.db");

    public string LogPath => Path.Combine(DataDir, "app.log");

    /// <summary>From <see cref="Process.Start()"/> to the first 200 from the sign-in page.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>
    /// The app process's CPU time (user + system, all threads) when the sign-in page first answered 200: less noisy than
    /// <see cref="StartedIn"/> on a shared machine.
    /// </summary>
    public TimeSpan CpuWhenStarted { get; private set; }

    public static async Task<AppProcess> StartAsync(
        string appDll, string contentRoot, string dataDir, IEnumerable<KeyValuePair<string, string>> extraEnvironment, CancellationToken cancellationToken)
    {
        if (!File.Exists(appDll))
        {
            throw new FileNotFoundException($"Build the app first: dotnet build -c Release HelplineDashboard ({appDll} is missing).");
        }

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(appDll);
        foreach (var (key, value) in Environment(dataDir, port).Concat(extraEnvironment.Select(e => (e.Key, e.Value))))
        {
            info.Environment[key] = value;
        }

        var log = new LogFile(Path.Combine(dataDir, "app.log"));
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => log.Append(e.Data);
        process.ErrorDataReceived += (_, e) => log.Append(e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, baseAddress, dataDir);
        try
        {
            await WaitForSignInPageAsync(baseAddress, () => process.HasExited, StartTimeout, cancellationToken);
            app.StartedIn = clock.Elapsed;
            process.Refresh();
            app.CpuWhenStarted = process.TotalProcessorTime;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start; its output is in {app.LogPath}.");
        }
    }

    /// <summary>Polls the sign-in page every 10 ms until it answers 200.</summary>
    public static async Task WaitForSignInPageAsync(Uri baseAddress, Func<bool> gaveUp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(5),
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (gaveUp())
            {
                throw new InvalidOperationException("The app exited before it served the sign-in page.");
            }

            try
            {
                using var response = await http.GetAsync(SignInPath, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // One answer took longer than the client's 5 s (a first render on a saturated machine): ask again.
            }

            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>SIGKILL: the process ends at once, mid-write, as on a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>SIGTERM, as a service manager stops the app; the exit code, or null when it did not exit within <paramref name="timeout"/>.</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        Terminate(_process);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Stops the app with SIGTERM (a normal shutdown) and kills it only when that takes too long. The data folder stays.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            Terminate(_process);
            using var wait = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
        _log.Dispose();
    }

    public static string Sha256Hex(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static IEnumerable<(string Key, string Value)> Environment(string dataDir, int port) =>
    [
        ("ASPNETCORE_ENVIRONMENT", "Development"),
        ("DOTNET_ENVIRONMENT", "Development"),
        ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"),
        ("ConnectionStrings__Helpline", $"Data Source={Path.Combine(dataDir, "helpline.db")}"),
        ("DataProtection__KeysPath", Path.Combine(dataDir, "keys")),
        ("Simulator__Enabled", "false"),
        ("Diagnostics__HeapEndpoint", "true"), // GET /diagnostics/heap for the circuits scenario (Development only)
        ("Diagnostics__RuntimeEndpoint", "true"), // GET /diagnostics/runtime: GC and JIT counters around each load
        ($"Intake__Gateways__{GatewayName}__KeySha256", Sha256Hex(GatewayKey)),
        ($"Intake__Gateways__{GatewayName}__Lines__0", "111"),
        ($"Intake__Gateways__{GatewayName}__Lines__1", "117"),
    ];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Terminate(Process process)
    {
        if (OperatingSystem.IsWindows() || Kill(process.Id, SigTerm) != 0)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>The app's output, kept beside its database for when a run goes wrong.</summary>
    private sealed class LogFile(string path) : IDisposable
    {
        private readonly StreamWriter _writer = new(path, append: true);
        private bool _closed;

        public void Append(string? line)
        {
            lock (_writer)
            {
                if (line is not null && !_closed)
                {
                    _writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (_writer)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
