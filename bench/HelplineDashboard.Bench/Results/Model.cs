namespace HelplineDashboard.Bench.Results;

/// <summary>A target from issue 7, e.g. "at most 5 ms".</summary>
public sealed record Target(string Text, double Limit, bool AtMost)
{
    public static Target NoMoreThan(double limit, string unit) => new($"≤ {limit:#,0.##} {unit}".TrimEnd(), limit, AtMost: true);

    public static Target AtLeast(double limit, string unit) => new($"≥ {limit:#,0.##} {unit}".TrimEnd(), limit, AtMost: false);

    public bool IsMet(double value) => !double.IsNaN(value) && (AtMost ? value <= Limit : value >= Limit);
}

/// <summary>One figure a scenario reports on every run.</summary>
public sealed record Metric(string Key, string Label, string Unit, Target? Target = null, int Decimals = 1);

/// <summary>What one run of a scenario measured: figures by <see cref="Metric.Key"/> and plain observations.</summary>
public sealed class RunResult
{
    public Dictionary<string, double> Values { get; } = [];

    public Dictionary<string, string> Facts { get; } = [];
}

/// <summary>A figure over all runs: the median, each run's value and whether the median meets the target.</summary>
public sealed record Figure(string Key, string Label, string Unit, int Decimals, double Median, double[] Runs, string? Target, bool? Met);

public sealed record ScenarioResult(
    string Name,
    string Title,
    string Setup,
    IReadOnlyList<Figure> Figures,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<string> NotMeasured);

public sealed record Machine(int Cores, string Memory, string Os, string Dotnet, string Cpu, string DataFileSystem);

public sealed record BenchReport(
    DateTimeOffset Date,
    string Commit,
    string Command,
    Machine Machine,
    IReadOnlyList<ScenarioResult> Scenarios);
