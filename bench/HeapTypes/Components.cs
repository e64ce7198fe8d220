using Microsoft.Diagnostics.Runtime;

static class Components
{
    public static void Run(string path, int n)
    {
        Dump.Read(path, heap =>
        {
        var byType = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var o in heap.EnumerateObjects())
        {
            if (!o.IsValid || o.Type is null) continue;
            var tn = o.Type.Name ?? "";
            if (!(tn == "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState" || tn == "Microsoft.AspNetCore.Components.Rendering.ComponentState")) continue;
            var comp = o.ReadObjectField("<Component>k__BackingField");
            var name = comp.Type?.Name ?? "?";
            long bytes = 0;
            var seen = new HashSet<ulong>();
            var stack = new Stack<ClrObject>();
            foreach (var r in o.EnumerateReferences()) stack.Push(r);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (!x.IsValid || x.Type is null || !seen.Add(x.Address)) continue;
                var xn = x.Type.Name ?? "";
                bool follow = xn.StartsWith("Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder") || xn.StartsWith("Microsoft.AspNetCore.Components.RenderTree.") || xn.StartsWith("System.Collections.Generic.Stack") || xn.StartsWith("System.Collections.Generic.Dictionary<System.String, System.Int32>") || xn == "System.Int32[]";
                if (!follow) continue;
                bytes += (long)x.Size;
                if (xn.StartsWith("Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame[]")) continue;
                foreach (var r in x.EnumerateReferences()) stack.Push(r);
            }
            byType.TryGetValue(name, out var v);
            byType[name] = (v.Count + 1, v.Bytes + bytes);
        }
        Console.WriteLine($"components total {byType.Values.Sum(v => v.Count) / (double)n:F1}/circ, builder bytes {byType.Values.Sum(v => v.Bytes) / n:N0}/circ");
        foreach (var (k, v) in byType.OrderByDescending(kv => kv.Value.Bytes).Take(60))
            Console.WriteLine($"{v.Count / (double)n,8:F1} comps/circ {v.Bytes / n,10:N0} B/circ  {k}");
        });
    }
}
