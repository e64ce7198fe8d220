namespace HelplineDashboard.Features.Administration;

/// <summary>
/// A key a gateway or wallboard presents in <c>X-Api-Key</c>. Only the SHA-256 of the key is stored; the key itself
/// is shown once, when it is created or rotated.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    /// <summary>The gateway's name: intake records contacts under it, so a rotated key keeps its gateway's contacts.</summary>
    public required string Name { get; set; }

    public ApiKeyScope Scope { get; set; }

    /// <summary>Comma-separated codes of the lines this key may act for, e.g. "111,117".</summary>
    public required string Lines { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The key's first characters, so people can tell keys apart. Not enough to use it.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime? RotatedAt { get; set; }

    /// <summary>Updated at most once a minute.</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedByName { get; set; }
}

public enum ApiKeyScope
{
    /// <summary>Posts contacts to <c>/api/v1/contacts</c>.</summary>
    Intake,

    /// <summary>Reads queue figures for a wallboard; may not post contacts.</summary>
    WallboardRead,
}
