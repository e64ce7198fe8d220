using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Lines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Administration;

/// <summary>
/// Gateway and wallboard keys: administrators create, list, rotate and revoke them; the gateway authentication
/// handler looks presented keys up here. Keys are 32 random bytes; only their SHA-256 is stored.
/// </summary>
public sealed partial class ApiKeyService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    LineCatalog lineCatalog,
    IOptionsMonitor<IntakeOptions> intake,
    TimeProvider time,
    ILogger<ApiKeyService> logger)
{
    public const int MaxNameLength = 64;
    public const int PrefixLength = 8;
    public const int SecretBytes = 32;

    /// <summary>Last use is written at most this often per key, so a busy gateway does not write on every post.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return keys
            .OrderBy(k => k.RevokedAt is not null)
            .ThenBy(k => k.Name, StringComparer.OrdinalIgnoreCase)
            .ThenByDescending(k => k.CreatedAt)
            .Select(Summary)
            .ToList();
    }

    public async Task<IssuedApiKey> CreateAsync(NewApiKey request, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        var name = ValidName(request.Name);
        if (!Enum.IsDefined(request.Scope))
        {
            throw new HelplineRuleException("Choose what the key may do.");
        }

        var lines = AdministrationRules.ValidLines(request.Lines, lineCatalog);
        if (lines.Count == 0)
        {
            throw new HelplineRuleException("Choose at least one line.");
        }

        if (intake.CurrentValue.Gateways.ContainsKey(name))
        {
            throw new HelplineRuleException("A gateway configured on the server already has this name.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken))
        {
            throw new HelplineRuleException("A key with this name is in use. Rotate it, or revoke it first.");
        }

        var secret = NewSecret();
        var key = new ApiKey
        {
            Name = name,
            Scope = request.Scope,
            Lines = AdministrationRules.JoinLines(lines),
            KeyHash = Hash(secret),
            Prefix = secret[..PrefixLength],
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedByName = actor.DisplayName,
        };
        db.ApiKeys.Add(key);
        try
        {
            await AuditTrail.SaveWithLineAsync(
                db, () => AuditTrail.SettingsChanged(db, key.CreatedAt, actor, $"key:{key.Id}", AuditPhrases.KeyCreated.Format(key.Name, key.Scope)), cancellationToken);
        }
        catch (DbUpdateException failed) when (UniqueIndex.Refused<ApiKey>(failed))
        {
            // Two administrators created the same name at once: the unique index kept one. (A failed audit line is not this.)
            throw new HelplineRuleException("A key with this name is in use. Rotate it, or revoke it first.");
        }

        logger.LogInformation("API key {KeyId} ({Name}, {Scope}) created by {ActorId}", key.Id, key.Name, key.Scope, actor.UserId);
        return new IssuedApiKey(Summary(key), secret);
    }

    /// <summary>Gives the key a new secret; the old one stops working at once. Name, scope and lines stay.</summary>
    public async Task<IssuedApiKey> RotateAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        var secret = NewSecret();
        var hash = Hash(secret);
        var prefix = secret[..PrefixLength];
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Conditional: a revoked key stays revoked, even if someone rotates it in another tab.
        await ChangeLiveKeyAsync(
            db,
            id,
            update => update
                .SetProperty(k => k.KeyHash, hash)
                .SetProperty(k => k.Prefix, prefix)
                .SetProperty(k => k.RotatedAt, now)
                .SetProperty(k => k.LastUsedAt, (DateTime?)null),
            () => AuditTrail.SettingsChanged(db, now, actor, $"key:{id}", AuditDetails.KeyRotated),
            cancellationToken);
        logger.LogInformation("API key {KeyId} rotated by {ActorId}", id, actor.UserId);
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id, cancellationToken);
        return new IssuedApiKey(Summary(key), secret);
    }

    public async Task RevokeAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ChangeLiveKeyAsync(
            db,
            id,
            update => update
                .SetProperty(k => k.RevokedAt, now)
                .SetProperty(k => k.RevokedByName, actor.DisplayName),
            () => AuditTrail.SettingsChanged(db, now, actor, $"key:{id}", AuditDetails.KeyRevoked),
            cancellationToken);
        logger.LogInformation("API key {KeyId} revoked by {ActorId}", id, actor.UserId);
    }

    /// <summary>Changes a key that is not revoked, with its audit line in the same transaction; refuses a revoked or missing key.</summary>
    private static Task ChangeLiveKeyAsync(
        HelplineDbContext db,
        int id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ApiKey>> setter,
        Action recordLine,
        CancellationToken cancellationToken) =>
        AuditTrail.WriteWithLineAsync(
            db,
            async ct =>
            {
                if (await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(setter, ct) != 1)
                {
                    throw new HelplineRuleException("This key is revoked or no longer exists.");
                }
            },
            recordLine,
            cancellationToken);

    /// <summary>
    /// The live key with this secret, or null. Not an administrator's action: this is how a gateway proves who it is.
    /// Records the use at most once a minute.
    /// </summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        var hash = Hash(presented);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Scope, k.Lines, k.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var staleBefore = now - LastUsedResolution;
        if (key.LastUsedAt is null || key.LastUsedAt < staleBefore)
        {
            // Conditional, so gateways posting in parallel write it once.
            await db.ApiKeys
                .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < staleBefore))
                .ExecuteUpdateAsync(update => update.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyIdentity(key.Id, key.Name, key.Scope, AdministrationRules.ParseLines(key.Lines));
    }

    /// <summary>Lower-case hex SHA-256 of the key, as stored. Keys are 256 random bits, so no salt or stretching is needed.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    internal static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    private static string ValidName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new HelplineRuleException("Give the key a name.");
        }

        if (trimmed.Length > MaxNameLength || !NamePattern().IsMatch(trimmed))
        {
            throw new HelplineRuleException("A key's name is up to 64 letters, digits, dots, dashes or underscores.");
        }

        return trimmed;
    }

    private static ApiKeySummary Summary(ApiKey key) => new(
        key.Id,
        key.Name,
        key.Prefix,
        key.Scope,
        AdministrationRules.ParseLines(key.Lines),
        key.CreatedAt,
        key.CreatedByName,
        key.RotatedAt,
        key.LastUsedAt,
        key.RevokedAt);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
