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
}
