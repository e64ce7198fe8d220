using System.Globalization;
using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>Runs a scenario <c>--runs</c> times and reduces every figure to its median.</summary>
public sealed class ScenarioRunner(int runs, TextWriter console)
{
    public async Task<ScenarioResult> RunAsync(IScenario scenario, CancellationToken cancellationToken)
    {
        console.WriteLine($"== {scenario.Title}: {scenario.Setup}");
        var results = new List<RunResult>();
        for (var run = 1; run <= runs && scenario.Metrics.Count > 0; run++)
        {
            var result = await scenario.RunOnceAsync(cancellationToken);
            results.Add(result);
            console.WriteLine($"   run {run}/{runs}: " + string.Join(", ", scenario.Metrics.Select(m => $"{m.Label} {Format(result.Values.GetValueOrDefault(m.Key, double.NaN), m)}")));
        }

        foreach (var missing in scenario.NotMeasured)
        {
            console.WriteLine($"   not measured: {missing}");
        }

        var figures = scenario.Metrics.Select(metric =>
        {
            var values = results.Select(r => r.Values.GetValueOrDefault(metric.Key, double.NaN)).ToArray();
            var median = Stats.Median(values);
            return new Figure(metric.Key, metric.Label, metric.Unit, metric.Decimals, median, values, metric.Target?.Text, metric.Target?.IsMet(median));
        }).ToArray();

        var facts = results.SelectMany(r => r.Facts.Keys).Distinct().ToDictionary(
            key => key,
            key => string.Join(" / ", results.Select(r => r.Facts.GetValueOrDefault(key, "?")).Distinct()));

        return new ScenarioResult(scenario.Name, scenario.Title, scenario.Setup, figures, facts, scenario.NotMeasured);
    }

    public static string Format(double value, Metric metric) => Format(value, metric.Decimals, metric.Unit);

    public static string Format(double value, int decimals, string unit) =>
        double.IsNaN(value)
            ? "n/a"
            : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");
}
