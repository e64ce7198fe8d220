using HelplineDashboard.Bench.Harness;
using HelplineDashboard.Bench.Results;
using HelplineDashboard.Bench.Scenarios;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var paths = RepoPaths.Find();
var commit = MachineInfo.GitCommit(paths.Root); // before the run: the build that is measured
using var launcher = new AppLauncher(options, paths);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

IScenario[] all =
[
    new PushScenario(launcher, options),
    new IntakeScenario(launcher, options),
    new ClaimsScenario(launcher, options),
    new CircuitsScenario(launcher, options),
    new ColdStartScenario(launcher),
    new WallboardScenario(launcher),
];

var runner = new ScenarioRunner(options.Runs, Console.Out);
var results = new List<ScenarioResult>();
foreach (var scenario in all.Where(s => options.Scenarios.Contains(s.Name)))
{
    results.Add(await runner.RunAsync(scenario, stop.Token));
}

var report = new BenchReport(
    DateTimeOffset.UtcNow,
    commit,
    "dotnet run -c Release --project bench/HelplineDashboard.Bench -- " + string.Join(' ', args),
    MachineInfo.Describe(Path.GetTempPath()),
    results);

Console.WriteLine();
Console.WriteLine(ResultsWriter.Markdown(report));
if (options.WriteResults)
{
    var (markdown, json) = ResultsWriter.Write(report, paths.BenchDir);
    Console.WriteLine($"Appended to {markdown}; JSON in {json}");
}

return 0;
