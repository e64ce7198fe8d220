using Microsoft.Diagnostics.Runtime;

static Dictionary<string,(long Count,long Size)> Load(string path)
{
    var (target, runtime) = Dump.Open(path);
    using var _ = target;
    using var __ = runtime;
    var d = new Dictionary<string,(long,long)>();
    foreach (var o in runtime.Heap.EnumerateObjects())
    {
        if (!o.IsValid || o.IsFree) continue;
        var n = o.Type?.Name ?? "?";
        d.TryGetValue(n, out var v);
        d[n] = (v.Item1 + 1, v.Item2 + (long)o.Size);
    }
    return d;
}
if (args[0] == "components") { Components.Run(args[1], int.Parse(args[2])); return; }
if (args[0] == "referrers") { Referrers.Run(args[1], int.Parse(args[2]), args[3..]); return; }
if (args[0] == "framestrings") { FrameStrings.Run(args[1], int.Parse(args[2])); return; }
if (args[0] == "ns") { Ns.Run(args[1], args[2], int.Parse(args[3])); return; }
var a = Load(args[0]);
var b = Load(args[1]);
int n = args.Length > 2 ? int.Parse(args[2]) : 1;
int top = args.Length > 3 ? int.Parse(args[3]) : 80;
Console.WriteLine($"total A {a.Values.Sum(v=>v.Size):N0} B {b.Values.Sum(v=>v.Size):N0} diff/N {(b.Values.Sum(v=>v.Size)-a.Values.Sum(v=>v.Size))/n:N0}");
var rows = a.Keys.Union(b.Keys).Select(k => { a.TryGetValue(k, out var x); b.TryGetValue(k, out var y); return (k, dc: y.Count - x.Count, ds: y.Size - x.Size); })
  .OrderByDescending(r => r.ds).Take(top);
foreach (var r in rows) Console.WriteLine($"{r.ds / n,10:N0} B/circ {r.dc / (double)n,8:F1} obj/circ  {r.k}");
