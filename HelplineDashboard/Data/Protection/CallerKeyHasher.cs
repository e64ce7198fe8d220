using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace HelplineDashboard.Data.Protection;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a caller's number or handle: the same caller always gets the same key, so repeat
/// callers are found without storing or searching the plain number, and nobody can hash a list of numbers to match
/// it without the secret. The secret is random, created once, and kept encrypted beside the Data Protection keys.
/// </summary>
public sealed class CallerKeyHasher
{
    private readonly byte[] _key;

    public CallerKeyHasher(IDataProtectionProvider provider, string keysFolder)
    {
        var protector = provider.CreateProtector("HelplineDashboard.CallerHashKey.v1");
        var path = Path.Combine(keysFolder, "caller-hash-key.protected");
        if (File.Exists(path))
        {
            _key = protector.Unprotect(File.ReadAllBytes(path));
            return;
        }

        Directory.CreateDirectory(keysFolder);
        var fresh = RandomNumberGenerator.GetBytes(32);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, protector.Protect(fresh));
        try
        {
            File.Move(temporary, path, overwrite: false);
            _key = fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: everyone must use the same secret.
            File.Delete(temporary);
            _key = protector.Unprotect(File.ReadAllBytes(path));
        }
    }

    public string Hash(string callerIdentity) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(callerIdentity.Trim().ToLowerInvariant())));

    public string Hash(ReadOnlySpan<byte> data) => Convert.ToHexString(HMACSHA256.HashData(_key, data));
}
