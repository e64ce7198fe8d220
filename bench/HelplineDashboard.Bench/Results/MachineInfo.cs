using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace HelplineDashboard.Bench.Results;

/// <summary>What the figures were measured on, read from /proc and /etc on Linux.</summary>
public static class MachineInfo
{
    public static Machine Describe(string dataFolder) => new(
        Environment.ProcessorCount,
        Memory(),
        $"{OsName()}, kernel {Kernel()}",
        RuntimeInformation.FrameworkDescription,
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        FileSystemOf(dataFolder));

    /// <summary>The short commit of <paramref name="repoRoot"/>, marked when tracked files have uncommitted changes.</summary>
    public static string GitCommit(string repoRoot)
    {
        var commit = Git(repoRoot, "rev-parse --short HEAD") ?? "unknown";
        var dirty = Git(repoRoot, "status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(dirty) ? commit : commit + "-dirty";
    }

    private static string Memory()
    {
        var kb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, out var value)
            ? (value / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
            : "unknown";
    }

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;

    private static string Kernel() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;

    private static string? FirstValue(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;

    /// <summary>The file system the databases were written to: tmpfs would make every fsync free.</summary>
    private static string FileSystemOf(string folder)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "unknown";
        }

        var full = Path.GetFullPath(folder);
        var mount = File.ReadLines("/proc/mounts")
            .Select(l => l.Split(' '))
            .Where(f => f.Length > 2 && (full == f[1] || full.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(f => f[1].Length);
        return mount is null ? "unknown" : $"{mount[2]} ({mount[0]} on {mount[1]}), temp folder {folder}";
    }

    private static string? Git(string repoRoot, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = repoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            var output = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
