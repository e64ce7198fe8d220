using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Lines;

/// <summary>The lines this deployment serves, read once from configuration.</summary>
public sealed class LineCatalog
{
    private readonly Dictionary<string, Line> _lines;

    public LineCatalog(IOptions<Dictionary<string, LineOptions>> options)
        : this(options.Value)
    {
    }

    public LineCatalog(IReadOnlyDictionary<string, LineOptions> lines)
    {
        _lines = lines.ToDictionary(
            pair => pair.Key,
            pair => new Line(pair.Key, pair.Value),
            StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Line> All => _lines.Values;

    public bool TryGet(string? code, out Line line)
    {
        if (code is not null && _lines.TryGetValue(code, out var found))
        {
            line = found;
            return true;
        }

        line = null!;
        return false;
    }

    public Line Get(string code) =>
        TryGet(code, out var line) ? line : throw new KeyNotFoundException($"Line {code} is not configured.");
}

/// <summary>A configured line with its resolved time zone.</summary>
public sealed class Line(string code, LineOptions options)
{
    public string Code { get; } = code;

    public string Name { get; } = string.IsNullOrWhiteSpace(options.Name) ? code : options.Name;

    public string Country { get; } = options.Country.ToUpperInvariant();

    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public IReadOnlyList<string> Languages { get; } = options.Languages;

    public IReadOnlyList<string> Regions { get; } = options.Regions;

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);
}
