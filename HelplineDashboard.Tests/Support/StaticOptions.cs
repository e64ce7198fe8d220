using Microsoft.Extensions.Options;

namespace HelplineDashboard.Tests.Support;

/// <summary>Options that never change, for services built by hand in unit tests.</summary>
public sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
