using Microsoft.Diagnostics.Runtime;

if (args[0] == "components") { Components.Run(args[1], int.Parse(args[2])); return; }
if (args[0] == "referrers") { Referrers.Run(args[1], int.Parse(args[2]), args[3..]); return; }
if (args[0] == "framestrings") { FrameStrings.Run(args[1], int.Parse(args[2])); return; }
if (args[0] == "ns") { Ns.Run(args[1], args[2], int.Parse(args[3])); return; }
var a = Dump.SizesBy(args[0], name => name);
var b = Dump.SizesBy(args[1], name => name);
int n = args.Length > 2 ? int.Parse(args[2]) : 1;
int top = args.Length > 3 ? int.Parse(args[3]) : 80;
Console.WriteLine($"total A {a.Values.Sum(v=>v.Size):N0} B {b.Values.Sum(v=>v.Size):N0} diff/N {(b.Values.Sum(v=>v.Size)-a.Values.Sum(v=>v.Size))/n:N0}");
var rows = a.Keys.Union(b.Keys).Select(k => { a.TryGetValue(k, out var x); b.TryGetValue(k, out var y); return (k, dc: y.Count - x.Count, ds: y.Size - x.Size); })
  .OrderByDescending(r => r.ds).Take(top);
foreach (var r in rows) Console.WriteLine($"{r.ds / n,10:N0} B/circ {r.dc / (double)n,8:F1} obj/circ  {r.k}");
