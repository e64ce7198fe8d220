using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HelplineDashboard.Data.Protection;

public static class DataProtectionServiceCollectionExtensions
{
    public const string KeysPathSetting = "DataProtection:KeysPath";

    /// <summary>
    /// Data Protection keys persisted to <c>DataProtection:KeysPath</c> (default <c>data/keys</c> under the content root,
    /// git-ignored). Back this folder up with the database: without it the encrypted columns cannot be read.
    /// With <c>DataProtection:Certificate:Path</c> (a PFX with its private key) each new key is written encrypted to that
    /// certificate, and keys are read with it or with any of <c>DataProtection:PreviousCertificates</c>.
    /// The folder and certificates are resolved when the container builds, after every configuration source is in.
    /// See docs/decisions/0005-encryption-at-rest.md.
    /// </summary>
    public static IServiceCollection AddHelplineDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("HelplineDashboard");
        services.AddSingleton<KeysFolder>();
        services.AddSingleton<KeyRingCertificates>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeysFolder, KeyRingCertificates, ILoggerFactory>((options, folder, certificates, loggers) =>
            {
                options.XmlRepository = new FileSystemXmlRepository(folder.Directory, loggers);
                if (certificates.Current is { } current)
                {
                    options.XmlEncryptor = new KeyRingCertificateEncryptor(current, loggers);
                }
            });
        services.AddSingleton<FieldProtector>();
        services.AddSingleton(provider => new CallerKeyHasher(
            provider.GetRequiredService<IDataProtectionProvider>(), provider.GetRequiredService<KeysFolder>().Directory.FullName));
        return services;
    }
}

/// <summary>Where the key ring lives.</summary>
public sealed class KeysFolder(IConfiguration configuration, IHostEnvironment environment)
{
    public DirectoryInfo Directory { get; } = Resolve(configuration[DataProtectionServiceCollectionExtensions.KeysPathSetting], environment.ContentRootPath);

    private static DirectoryInfo Resolve(string? configured, string contentRoot)
    {
        var path = configured ?? Path.Combine("data", "keys");
        var folder = new DirectoryInfo(Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path)));
        folder.Create();
        return folder;
    }
}

/// <summary>
/// The certificates that protect the key ring at rest: <c>DataProtection:Certificate</c> (<c>Path</c> to a PFX,
/// <c>Password</c>) encrypts new keys; it and <c>DataProtection:PreviousCertificates:N</c> (the same shape, kept after a
/// certificate is replaced) decrypt them. None configured: keys are stored as Data Protection writes them by default,
/// unencrypted, and the folder's file permissions are all that protects them. A configured certificate that cannot be
/// loaded, or has no private key, stops the app at start: it never falls back to unencrypted keys.
/// </summary>
public sealed class KeyRingCertificates
{
    public const string Section = "DataProtection:Certificate";
    public const string PreviousSection = "DataProtection:PreviousCertificates";

    public KeyRingCertificates(IConfiguration configuration, IHostEnvironment environment)
    {
        Current = Load(configuration.GetSection(Section), environment.ContentRootPath);
        var previous = configuration.GetSection(PreviousSection).GetChildren()
            .Select(section => Load(section, environment.ContentRootPath))
            .OfType<X509Certificate2>();
        All = Current is null ? [.. previous] : [Current, .. previous];
    }

    /// <summary>The certificate new keys are encrypted to, or null when the key ring is not protected by one.</summary>
    public X509Certificate2? Current { get; }

    /// <summary>Every certificate keys may have been encrypted to.</summary>
    public IReadOnlyList<X509Certificate2> All { get; }

    private static X509Certificate2? Load(IConfigurationSection section, string contentRoot)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var fullPath = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"The key ring certificate at {section.Path}:Path ('{fullPath}') could not be loaded: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The key ring certificate at {section.Path}:Path ('{fullPath}') has no private key: keys encrypted to it could not be read back.");
        }

        return certificate;
    }
}
