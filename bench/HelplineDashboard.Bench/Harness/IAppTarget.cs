namespace HelplineDashboard.Bench.Harness;

/// <summary>An app the scenarios drive: one the harness started, or one already running at <c>--url</c>.</summary>
public interface IAppTarget : IAsyncDisposable
{
    Uri BaseAddress { get; }

    string ApiKey { get; }

    /// <summary>The SQLite file, when the harness knows it (it started the app).</summary>
    string? DatabasePath { get; }

    /// <summary>The app's process, when the harness started it.</summary>
    int? ProcessId { get; }
}
