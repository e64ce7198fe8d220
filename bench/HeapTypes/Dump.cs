using Microsoft.Diagnostics.Runtime;

/// <summary>Opens a dump written by the runtime's createdump, with the DAC of the runtime installed here.</summary>
static class Dump
{
    public static (DataTarget Target, ClrRuntime Runtime) Open(string path)
    {
        var target = DataTarget.LoadDump(path);
        var version = target.ClrVersions[0];
        var dac = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "libmscordaccore.so");
        return (target, version.CreateRuntime(dac, ignoreMismatch: true));
    }

    /// <summary>Runs <paramref name="read"/> on the dump's managed heap.</summary>
    public static void Read(string path, Action<ClrHeap> read)
    {
        var (target, runtime) = Open(path);
        using (target)
        using (runtime)
        {
            read(runtime.Heap);
        }
    }

    /// <summary>Object count and bytes on the heap, grouped by a key made from each object's type name.</summary>
    public static Dictionary<string, (long Count, long Size)> SizesBy(string path, Func<string, string> key)
    {
        var sizes = new Dictionary<string, (long Count, long Size)>();
        Read(path, heap =>
        {
            foreach (var o in heap.EnumerateObjects())
            {
                if (!o.IsValid || o.IsFree) continue;
                var k = key(o.Type?.Name ?? "?");
                sizes.TryGetValue(k, out var v);
                sizes[k] = (v.Count + 1, v.Size + (long)o.Size);
            }
        });
        return sizes;
    }
}
