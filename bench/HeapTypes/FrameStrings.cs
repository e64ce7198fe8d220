using Microsoft.Diagnostics.Runtime;

static class FrameStrings
{
    public static void Run(string path, int n)
    {
        Dump.Read(path, heap =>
        {
        var seen = new HashSet<ulong>();
        var hist = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var o in heap.EnumerateObjects())
        {
            if (!o.IsValid || o.Type?.Name != "Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame[]") continue;
            foreach (var r in o.EnumerateReferences())
            {
                if (r.Type?.Name != "System.String" || !seen.Add(r.Address)) continue;
                var s = r.AsString(80) ?? "";
                var key = s.Length > 50 ? s[..50] : s;
                hist.TryGetValue(key, out var v);
                hist[key] = (v.Count + 1, v.Bytes + (long)r.Size);
            }
        }
        Console.WriteLine($"unique strings {hist.Values.Sum(v => v.Count) / (double)n:F0}/circ {hist.Values.Sum(v => v.Bytes) / n:N0} B/circ");
        foreach (var (k, v) in hist.OrderByDescending(kv => kv.Value.Bytes).Take(50))
            Console.WriteLine($"{v.Count / (double)n,8:F1} /circ {v.Bytes / n,8:N0} B/circ  {k.Replace("\n", " ")}");
        });
    }
}
