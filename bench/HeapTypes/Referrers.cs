using Microsoft.Diagnostics.Runtime;

static class Referrers
{
    public static void Run(string path, int n, string[] types)
    {
        Dump.Read(path, heap =>
        {
        var set = new HashSet<string>(types);
        var hist = new Dictionary<(string, string), (long Count, long Bytes)>();
        foreach (var o in heap.EnumerateObjects())
        {
            if (!o.IsValid || o.Type is null) continue;
            foreach (var r in o.EnumerateReferences())
            {
                if (r.Type?.Name is { } rn && set.Contains(rn))
                {
                    var key = (rn, o.Type.Name ?? "?");
                    hist.TryGetValue(key, out var v);
                    hist[key] = (v.Count + 1, v.Bytes + (long)r.Size);
                }
            }
        }
        foreach (var (k, v) in hist.OrderByDescending(kv => kv.Value.Bytes).Take(40))
            Console.WriteLine($"{v.Count / (double)n,8:F1} refs/circ {v.Bytes / n,10:N0} B/circ  {k.Item1} <- {k.Item2}");
        });
    }
}
