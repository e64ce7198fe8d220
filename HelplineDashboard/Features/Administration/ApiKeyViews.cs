namespace HelplineDashboard.Features.Administration;

/// <summary>What the keys page lists: never the key, only its first characters.</summary>
public sealed record ApiKeySummary(
    int Id,
    string Name,
    string Prefix,
    ApiKeyScope Scope,
    IReadOnlyList<string> Lines,
    DateTime CreatedAt,
    string CreatedByName,
    DateTime? RotatedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A key just created or rotated. <see cref="Secret"/> exists only in this object: show it once, then drop it.</summary>
public sealed record IssuedApiKey(ApiKeySummary Key, string Secret);

/// <summary>The administrator's request for a new key.</summary>
public sealed class NewApiKey
{
    public string Name { get; set; } = "";

    public ApiKeyScope Scope { get; set; } = ApiKeyScope.Intake;

    public List<string> Lines { get; set; } = [];
}

/// <summary>Who presented a stored key: what the authentication handler turns into claims.</summary>
public sealed record ApiKeyIdentity(int Id, string Name, ApiKeyScope Scope, IReadOnlyList<string> Lines);
