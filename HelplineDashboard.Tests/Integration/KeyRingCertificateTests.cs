using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// With <c>DataProtection:Certificate</c> configured, the keys that encrypt survivor data are themselves stored encrypted
/// to that certificate, and a restart with the certificate (or after replacing it, with the old one kept as a previous
/// certificate) still reads what was written. docs/decisions/0005-encryption-at-rest.md.
/// </summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private const string Number = "+77015554433";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpline-tests", "keyring-" + Guid.NewGuid().ToString("N"));

    public KeyRingCertificateTests() => Directory.CreateDirectory(_folder);

    private string KeysFolder => Path.Combine(_folder, "keys");

    [Fact]
    public async Task Keys_are_stored_encrypted_to_the_certificate_and_read_back_after_a_restart_and_after_the_certificate_is_replaced()
    {
        var first = Certificate("first");
        var contactId = await SubmitWithAsync(first);

        var keyFiles = Directory.GetFiles(KeysFolder, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains(nameof(HelplineDashboard.Data.Protection.KeyRingCertificateDecryptor), xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        await using (var restarted = App(("DataProtection:Certificate:Path", first.Path), ("DataProtection:Certificate:Password", first.Password)))
        {
            Assert.Equal(Number, await NumberOfAsync(restarted, contactId));
        }

        var second = Certificate("second");
        await using (var replaced = App(
            ("DataProtection:Certificate:Path", second.Path), ("DataProtection:Certificate:Password", second.Password),
            ("DataProtection:PreviousCertificates:0:Path", first.Path), ("DataProtection:PreviousCertificates:0:Password", first.Password)))
        {
            Assert.Equal(Number, await NumberOfAsync(replaced, contactId));
        }
    }

    [Fact]
    public async Task Without_the_certificate_the_stored_keys_cannot_be_read_so_neither_can_the_survivor_data()
    {
        var contactId = await SubmitWithAsync(Certificate("only"));

        var other = Certificate("other");
        await using var stranger = App(("DataProtection:Certificate:Path", other.Path), ("DataProtection:Certificate:Password", other.Password));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => NumberOfAsync(stranger, contactId));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_loaded_stops_the_app_instead_of_storing_keys_unencrypted()
    {
        await using var app = App(("DataProtection:Certificate:Path", Path.Combine(_folder, "missing.pfx")), ("DataProtection:Certificate:Password", "x"));

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("could not be loaded", failure.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(KeysFolder) && Directory.GetFiles(KeysFolder, "key-*.xml").Length > 0, "A key was written.");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }

    private HelplineAppFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Helpline"] = $"Data Source={Path.Combine(_folder, "helpline.db")}",
            ["DataProtection:KeysPath"] = KeysFolder,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new HelplineAppFactory(useKestrel: false, all);
    }

    /// <summary>Starts the app with <paramref name="certificate"/> protecting the key ring, takes one contact in and stops it.</summary>
    private async Task<long> SubmitWithAsync((string Path, string Password) certificate)
    {
        await using var app = App(("DataProtection:Certificate:Path", certificate.Path), ("DataProtection:Certificate:Password", certificate.Password));
        return (await app.Services.GetRequiredService<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("111", ContactChannel.Sms, $"keyring-{Guid.NewGuid():N}", Number, "ru", "Please call back after six", null, false))).Id;
    }

    private static async Task<string> NumberOfAsync(HelplineAppFactory app, long contactId)
    {
        await using var db = app.CreateDbContext();
        return (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId)).From;
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected PFX in the test's folder.</summary>
    private (string Path, string Password) Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=helpline key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = $"pfx-{name}-{Guid.NewGuid():N}";
        var path = System.IO.Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}
