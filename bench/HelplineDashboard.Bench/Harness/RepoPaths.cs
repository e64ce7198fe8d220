namespace HelplineDashboard.Bench.Harness;

/// <summary>Where the repository, the built app and the results live.</summary>
public sealed record RepoPaths(string Root)
{
    public string AppProjectDir => Path.Combine(Root, "HelplineDashboard");

    public string DefaultAppDll => Path.Combine(AppProjectDir, "bin", "Release", "net10.0", "HelplineDashboard.dll");

    public string BenchDir => Path.Combine(Root, "bench");

    public static RepoPaths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HelplineDashboard.sln")))
                {
                    return new RepoPaths(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException("Run the harness from inside the repository (HelplineDashboard.sln not found).");
    }
}
