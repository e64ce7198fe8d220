using HelplineDashboard.Bench.Results;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>One scenario of issue 7. Each run is bounded and independent (its own app and database).</summary>
public interface IScenario
{
    /// <summary>The <c>--scenario</c> name.</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>What a run does, with its parameters, for the results table.</summary>
    string Setup { get; }

    /// <summary>The figures of a run; none means the scenario is not measured (see <see cref="NotMeasured"/>).</summary>
    IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Parts of the scenario this harness does not measure, and why.</summary>
    IReadOnlyList<string> NotMeasured { get; }

    Task<RunResult> RunOnceAsync(CancellationToken cancellationToken);
}
