using Microsoft.Diagnostics.Runtime;
static class Ns
{
    private static string Namespace(string name)
    {
        var lt = name.IndexOf('<');
        if (lt > 0) name = name[..lt];
        var parts = name.Split('.');
        var key = string.Join('.', parts.Take(Math.Min(3, parts.Length - 1)));
        return name.EndsWith("[]") ? key + " (arrays)" : key;
    }

    public static void Run(string a0, string b0, int n)
    {
        var a = Dump.SizesBy(a0, Namespace); var b = Dump.SizesBy(b0, Namespace);
        foreach (var k in a.Keys.Union(b.Keys).Select(k => { a.TryGetValue(k, out var x); b.TryGetValue(k, out var y); return (k, ds: (y.Size - x.Size) / n, dc: (y.Count - x.Count) / (double)n); }).OrderByDescending(r => r.ds).Take(30))
            Console.WriteLine($"{k.ds,10:N0} B/circ {k.dc,8:F1} obj/circ  {k.k}");
    }
}
