using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace HelplineDashboard.Bench.Harness;

/// <summary>
/// A Chromium trace (the JSON that Perfetto and chrome://tracing open) recorded through a page's DevTools session, and a
/// short summary of it: each Chromium thread's CPU time per second of trace, with the events that took most of it.
/// Tracing itself costs Chromium CPU (about three times as much in the queue pages' case), so a traced run's figures
/// are not comparable with untraced ones; the trace says where the time goes, not how much there is.
/// </summary>
public sealed class ChromiumTrace
{
    private const string Categories =
        "toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,viz,v8,benchmark,renderer.scheduler,gpu,loading";

    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(60);

    private readonly ICDPSession _devTools;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChromiumTrace(ICDPSession devTools)
    {
        _devTools = devTools;
        devTools.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            lock (_events)
            {
                _events.AddRange(data!.Value.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
            }
        };
        devTools.Event("Tracing.tracingComplete").OnEvent += (_, _) => _complete.TrySetResult();
    }

    public static async Task<ChromiumTrace> StartAsync(ICDPSession devTools)
    {
        var trace = new ChromiumTrace(devTools);
        await devTools.SendAsync("Tracing.start", new() { ["transferMode"] = "ReportEvents", ["categories"] = Categories });
        return trace;
    }

    /// <summary>Stops tracing, writes the trace to <paramref name="path"/> and returns its summary.</summary>
    public async Task<string> StopAsync(string path)
    {
        await _devTools.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(EndTimeout);
        lock (_events)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(_events));
            return Summarise(_events);
        }
    }

    /// <summary>
    /// Per thread: CPU time of its outermost events (<c>tdur</c>), and each event name's self time (its own CPU time less
    /// that of the events nested in it), per second of trace.
    /// </summary>
    internal static string Summarise(IReadOnlyList<JsonElement> events)
    {
        var processNames = new Dictionary<long, string>();
        var threadNames = new Dictionary<(long, long), string>();
        var spans = new Dictionary<(long, long), List<(double At, double Wall, double Cpu, string Name)>>();
        var open = new Dictionary<(long, long), Stack<JsonElement>>();
        double first = double.MaxValue, last = double.MinValue;
        foreach (var e in events)
        {
            var phase = e.TryGetProperty("ph", out var ph) ? ph.GetString() : null;
            var thread = (e.GetProperty("pid").GetInt64(), e.TryGetProperty("tid", out var tid) ? tid.GetInt64() : 0);
            var name = e.GetProperty("name").GetString() ?? "";
            if (phase == "M")
            {
                if (name == "process_name")
                {
                    processNames[thread.Item1] = NameOf(e);
                }
                else if (name == "thread_name")
                {
                    threadNames[thread] = NameOf(e);
                }

                continue;
            }

            var at = e.TryGetProperty("ts", out var ts) ? ts.GetDouble() : 0;
            first = Math.Min(first, at);
            last = Math.Max(last, at);
            var list = spans.TryGetValue(thread, out var l) ? l : spans[thread] = [];
            switch (phase)
            {
                case "X":
                    var wall = e.TryGetProperty("dur", out var dur) ? dur.GetDouble() : 0;
                    list.Add((at, wall, e.TryGetProperty("tdur", out var tdur) ? tdur.GetDouble() : wall, name));
                    break;
                case "B":
                    (open.TryGetValue(thread, out var s) ? s : open[thread] = new()).Push(e);
                    break;
                case "E" when open.TryGetValue(thread, out var stack) && stack.Count > 0:
                    var begin = stack.Pop();
                    var beganAt = begin.GetProperty("ts").GetDouble();
                    var cpu = e.TryGetProperty("tts", out var endCpu) && begin.TryGetProperty("tts", out var beginCpu)
                        ? endCpu.GetDouble() - beginCpu.GetDouble()
                        : at - beganAt;
                    list.Add((beganAt, at - beganAt, cpu, begin.GetProperty("name").GetString() ?? ""));
                    break;
            }
        }

        var seconds = Math.Max((last - first) / 1e6, 1e-3);
        var threads = new List<(double Cpu, string Line)>();
        foreach (var (thread, list) in spans)
        {
            list.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : b.Wall.CompareTo(a.Wall));
            var nesting = new Stack<(double End, string Name)>();
            var selfTime = new Dictionary<string, double>();
            var outermost = 0.0;
            foreach (var (at, wall, cpu, name) in list)
            {
                while (nesting.Count > 0 && nesting.Peek().End <= at)
                {
                    nesting.Pop();
                }

                if (nesting.Count == 0)
                {
                    outermost += cpu;
                }
                else
                {
                    var parent = nesting.Peek().Name;
                    selfTime[parent] = selfTime.GetValueOrDefault(parent) - cpu;
                }

                selfTime[name] = selfTime.GetValueOrDefault(name) + cpu;
                nesting.Push((at + wall, name));
            }

            var top = string.Join(", ", selfTime.OrderByDescending(s => s.Value).Take(8).Select(s => $"{s.Key} {Ms(s.Value)}"));
            var label = $"{processNames.GetValueOrDefault(thread.Item1, "?")}/{threadNames.GetValueOrDefault(thread, thread.Item2.ToString(CultureInfo.InvariantCulture))}";
            threads.Add((outermost, $"{label} {Ms(outermost)} ms/s ({top})"));
        }

        var summary = new StringBuilder($"{seconds:0.0} s traced; CPU per second of trace: ");
        summary.AppendJoin("; ", threads.OrderByDescending(t => t.Cpu).Take(6).Select(t => t.Line));
        return summary.ToString();

        static string NameOf(JsonElement metadata) => metadata.GetProperty("args").GetProperty("name").GetString() ?? "";

        string Ms(double microseconds) => (microseconds / 1e3 / seconds).ToString("0.0", CultureInfo.InvariantCulture);
    }
}
