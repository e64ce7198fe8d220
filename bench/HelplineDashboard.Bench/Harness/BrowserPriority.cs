using System.Diagnostics;
using System.Globalization;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// Runs the harness's Chromium at a chosen niceness and measures its CPU. The browser stands in for counsellors'
/// own computers, so it must not take the app's cores: as root, Chromium raises its display-critical threads to nice −8
/// (it may: root holds CAP_SYS_NICE), which starves the app on a 2-core machine. A launcher script drops CAP_SYS_NICE from
/// the bounding set (so no thread can go below the start niceness) and starts Chromium under <c>nice -n N</c>; every
/// process and thread it starts inherits that niceness or a higher one.
/// </summary>
public sealed class BrowserPriority : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("helpline-bench-chromium-").FullName;

    public BrowserPriority(string chromium, int nice)
    {
        Nice = nice;
        ExecutablePath = Path.Combine(_folder, "chromium-nice");
        File.WriteAllText(
            ExecutablePath,
            $"#!/bin/sh\nexec setpriv --bounding-set -sys_nice --inh-caps -sys_nice nice -n {nice.ToString(CultureInfo.InvariantCulture)} {chromium} \"$@\"\n");
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The browser part of the push scenario runs on Linux (setpriv, nice, /proc).");
        }

        File.SetUnixFileMode(ExecutablePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public int Nice { get; }

    /// <summary>The launcher script to give Playwright as the browser's executable.</summary>
    public string ExecutablePath { get; }

    /// <summary>CPU time used so far by the Chromium processes this harness started (descendants of this process).</summary>
    public static TimeSpan ChromiumCpu() =>
        Descendants(Environment.ProcessId)
            .Where(IsChromium)
            .Select(CpuOf)
            .Aggregate(TimeSpan.Zero, (sum, cpu) => sum + cpu);

    /// <summary>The lowest and highest niceness among all threads of this harness's Chromium processes.</summary>
    public static (int Lowest, int Highest, int Threads) ChromiumNiceness()
    {
        var nices = Descendants(Environment.ProcessId).Where(IsChromium)
            .SelectMany(pid => TryList($"/proc/{pid}/task").Select(task => ThreadNice(pid, task)))
            .OfType<int>()
            .ToList();
        return nices.Count == 0 ? (0, 0, 0) : (nices.Min(), nices.Max(), nices.Count);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }

    private static bool IsChromium(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')[0].Contains("chromium", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static TimeSpan CpuOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero; // exited meanwhile
        }
    }

    private static int? ThreadNice(int pid, string task)
    {
        // /proc/<pid>/task/<tid>/stat: "tid (comm) state ppid ..." — niceness is the 19th field, counted after the comm's ')'.
        var stat = TryRead($"/proc/{pid}/task/{task}/stat");
        if (stat is null)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.TryParse(fields[16], CultureInfo.InvariantCulture, out var nice) ? nice : null;
    }

    /// <summary>Every process whose parent chain leads to <paramref name="root"/>.</summary>
    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var entry in TryList("/proc"))
        {
            if (int.TryParse(entry, out var pid) && TryRead($"/proc/{pid}/stat") is { } stat)
            {
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var found = new List<int>();
        foreach (var pid in parents.Keys)
        {
            for (var parent = parents[pid]; parent > 1; parent = parents.GetValueOrDefault(parent))
            {
                if (parent == root)
                {
                    found.Add(pid);
                    break;
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> TryList(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().ToList();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
