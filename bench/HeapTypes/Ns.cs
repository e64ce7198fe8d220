using Microsoft.Diagnostics.Runtime;
static class Ns
{
    static Dictionary<string,(long,long)> Load(string path)
    {
        var (target, runtime) = Dump.Open(path);
        using var _ = target;
        using var __ = runtime;
        var d = new Dictionary<string,(long,long)>();
        foreach (var o in runtime.Heap.EnumerateObjects())
        {
            if (!o.IsValid || o.IsFree) continue;
            var n = o.Type?.Name ?? "?";
            var lt = n.IndexOf('<'); if (lt > 0) n = n[..lt];
            var parts = n.Split('.');
            var key = string.Join('.', parts.Take(Math.Min(3, parts.Length - 1)));
            if (n.EndsWith("[]")) key += " (arrays)";
            d.TryGetValue(key, out var v);
            d[key] = (v.Item1 + 1, v.Item2 + (long)o.Size);
        }
        return d;
    }
    public static void Run(string a0, string b0, int n)
    {
        var a = Load(a0); var b = Load(b0);
        foreach (var k in a.Keys.Union(b.Keys).Select(k => { a.TryGetValue(k, out var x); b.TryGetValue(k, out var y); return (k, ds: (y.Item2 - x.Item2) / n, dc: (y.Item1 - x.Item1) / (double)n); }).OrderByDescending(r => r.ds).Take(30))
            Console.WriteLine($"{k.ds,10:N0} B/circ {k.dc,8:F1} obj/circ  {k.k}");
    }
}
