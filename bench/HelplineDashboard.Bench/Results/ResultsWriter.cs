using System.Globalization;
using System.Text;
using System.Text.Json;
using HelplineDashboard.Bench.Scenarios;

namespace HelplineDashboard.Bench.Results;

/// <summary>Appends a dated section to bench/RESULTS.md and writes the same figures as JSON to bench/results/.</summary>
public static class ResultsWriter
{
    private const string Header =
        """
        # Benchmark results

        Written by the harness in `bench/HelplineDashboard.Bench` (see `bench/README.md`); one section per run, newest last.
        Figures are medians of the runs shown beside them. Targets are those of issue 7. Nothing here is edited by hand.

        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static (string Markdown, string JsonPath) Write(BenchReport report, string benchDir)
    {
        var markdownPath = Path.Combine(benchDir, "RESULTS.md");
        var section = Markdown(report);
        File.AppendAllText(markdownPath, (File.Exists(markdownPath) ? "" : Header) + section);

        var folder = Directory.CreateDirectory(Path.Combine(benchDir, "results")).FullName;
        var name = $"{report.Date:yyyy-MM-dd}-{report.Commit}";
        var jsonPath = Path.Combine(folder, name + ".json");
        if (File.Exists(jsonPath))
        {
            jsonPath = Path.Combine(folder, $"{name}-{report.Date:HHmmss}.json");
        }

        File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, Json) + "\n");
        return (markdownPath, jsonPath);
    }

    public static string Markdown(BenchReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"## {report.Date:yyyy-MM-dd HH:mm} UTC · commit `{report.Commit}`");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {m.Cores} cores (nproc) · {m.Memory} · {m.Cpu}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- OS: {m.Os} · {m.Dotnet}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Databases on: {m.DataFileSystem}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{report.Command}`");
        md.AppendLine("- The app, the load generator and the hub clients share the same cores.");
        foreach (var scenario in report.Scenarios)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"### {scenario.Title}");
            md.AppendLine();
            md.AppendLine(scenario.Setup + ".");
            if (scenario.Figures.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| figure | median | runs | target | |");
                md.AppendLine("|---|---:|---|---|---|");
                foreach (var f in scenario.Figures)
                {
                    var runs = string.Join(" / ", f.Runs.Select(r => ScenarioRunner.Format(r, f.Decimals, "")));
                    var verdict = f.Met switch { true => "met", false => "**missed**", null => "" };
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Label} | {ScenarioRunner.Format(f.Median, f.Decimals, f.Unit)} | {runs} | {f.Target} | {verdict} |");
                }
            }

            foreach (var (fact, value) in scenario.Facts)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {fact}: {value}");
            }

            foreach (var missing in scenario.NotMeasured)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Not measured: {missing}");
            }
        }

        md.AppendLine();
        return md.ToString();
    }
}
