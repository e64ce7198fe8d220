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
    /// The folder is resolved when the container builds, after every configuration source is in.
    /// </summary>
    public static IServiceCollection AddHelplineDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("HelplineDashboard");
        services.AddSingleton<KeysFolder>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeysFolder, ILoggerFactory>((options, folder, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(folder.Directory, loggers));
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
