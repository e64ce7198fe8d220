using System.Runtime.CompilerServices;

namespace HelplineDashboard.Tests.Support;

/// <summary>
/// Every test host shares this process's thread pool. SQLite waits for a busy database synchronously, so a race test
/// with fifty claimers can park fifty pool threads, and the pool grows only a thread or two a second: a browser test's
/// circuit in another host would then stall. Start the pool wide enough for the whole suite.
/// </summary>
internal static class TestProcessSetup
{
    [ModuleInitializer]
    internal static void WidenThreadPool()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 128), Math.Max(io, 128));
    }
}
