using Microsoft.AspNetCore.DataProtection;

namespace HelplineDashboard.Data.Protection;

/// <summary>
/// Encrypts survivor data in the columns that hold it (numbers, messages, notes, addresses) with ASP.NET Core Data
/// Protection keys. Stored values read <c>enc1:…</c>; a value without the prefix is legacy plain text, read as it is
/// and re-encrypted at start-up. See docs/decisions/0005-encryption-at-rest.md.
/// </summary>
public sealed class FieldProtector(IDataProtectionProvider provider)
{
    public const string Prefix = "enc1:";
    private readonly IDataProtector _protector = provider.CreateProtector("HelplineDashboard.Fields.v1");

    /// <summary>Distinguishes key rings, so each running app (and each test host) gets its own EF model.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    public string Protect(string plaintext) => Prefix + _protector.Protect(plaintext);

    public string Unprotect(string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    public static bool IsProtected(string? stored) => stored is null || stored.StartsWith(Prefix, StringComparison.Ordinal);
}
