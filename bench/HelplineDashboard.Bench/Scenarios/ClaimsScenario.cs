using HelplineDashboard.Bench.Results;

namespace HelplineDashboard.Bench.Scenarios;

/// <summary>
/// Scenario 3, claim race. Claims happen only inside Blazor circuits (there is no HTTP claim endpoint, on purpose), so
/// the only public way to drive 200 concurrent claimers is 200 Chromium pages through Playwright.
/// </summary>
public sealed class ClaimsScenario : IScenario
{
    public string Name => "claims";

    public string Title => "3. Claim race";

    public string Setup => "200 concurrent claimers against 1,000 waiting contacts";

    public IReadOnlyList<Metric> Metrics => [];

    public IReadOnlyList<string> NotMeasured { get; } =
    [
        "the app has no HTTP claim endpoint; a claim is a click in a Blazor circuit, so 200 claimers means " +
        "200 Chromium pages (each a renderer process) on the same 2 cores as the app, and the browsers' own CPU would dominate " +
        "any p99 claim figure. Not built in this harness within its time box. Exactly-once claiming is covered by the test " +
        "ClaimRaceTests (50 claimers on one contact, in process).",
    ];

    public Task<RunResult> RunOnceAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Scenario 3 is not measured by this harness.");
}
