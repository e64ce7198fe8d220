using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace HelplineDashboard.Data.Protection;

/// <summary>
/// Encrypts each new Data Protection key to the key ring certificate with Data Protection's own
/// <see cref="CertificateXmlEncryptor"/> (XML Encryption: AES-256 for the key, RSA-OAEP for that AES key), and names
/// <see cref="KeyRingCertificateDecryptor"/> to read it back. Data Protection's own decryptor looks for the certificate in
/// the machine's certificate stores, or in a list only its <c>UnprotectKeysWithAnyCertificate</c> can fill, and only
/// when services are registered. The app loads its certificates from configuration later, when the container builds,
/// so it reads the keys with its own decryptor. See docs/decisions/0005-encryption-at-rest.md.
/// </summary>
public sealed class KeyRingCertificateEncryptor(X509Certificate2 certificate, ILoggerFactory loggers) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _encryptor = new(certificate, loggers);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_encryptor.Encrypt(plaintextElement).EncryptedElement, typeof(KeyRingCertificateDecryptor));
}

/// <summary>
/// Reads a key that <see cref="KeyRingCertificateEncryptor"/> wrote, with the private key of whichever configured key ring
/// certificate (<see cref="KeyRingCertificates.All"/>) it was encrypted to. Data Protection creates it by type name
/// with the app's services.
/// </summary>
public sealed class KeyRingCertificateDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var certificates = services.GetRequiredService<KeyRingCertificates>().All;

        // EncryptedXml works on a document: wrap the element, decrypt in place, and return what replaced it.
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = new XElement("root", encryptedElement).CreateReader())
        {
            document.Load(reader);
        }

        new WithKeyRingCertificates(document, certificates).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.InnerXml);
    }

    /// <summary>EncryptedXml that finds the RSA key among the key ring certificates instead of the machine's stores.</summary>
    private sealed class WithKeyRingCertificates(XmlDocument document, IReadOnlyList<X509Certificate2> certificates) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            foreach (var info in encryptedKey.KeyInfo.OfType<KeyInfoX509Data>())
            {
                foreach (var named in info.Certificates?.OfType<X509Certificate2>() ?? [])
                {
                    var certificate = certificates.FirstOrDefault(c => c.Thumbprint == named.Thumbprint);
                    if (certificate?.GetRSAPrivateKey() is { } rsa)
                    {
                        using (rsa)
                        {
                            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
                        }
                    }
                }
            }

            throw new CryptographicException(
                "A Data Protection key is encrypted to a certificate that is not configured: add it under DataProtection:PreviousCertificates.");
        }
    }
}
