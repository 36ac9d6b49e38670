using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace UnifiedCustomers.Api.Configuration;

/// <summary>
/// Secrets as files (a Kubernetes Secret or Docker secret mounted as a directory): each file is one
/// setting, named like the environment variable (<c>ConnectionStrings__App</c>), its content the value.
/// </summary>
public static class SecretFiles
{
    public const string DirectorySetting = "Secrets:Directory";
    public const string DefaultDirectory = "/run/secrets/unifiedcustomers";

    /// <summary>
    /// Reads the directory named by Secrets:Directory (default <see cref="DefaultDirectory"/>, when it
    /// exists) below the environment variables and the command line, so either can still override a file.
    /// </summary>
    public static IConfigurationBuilder AddSecretFiles(this ConfigurationManager configuration)
    {
        var directory = configuration[DirectorySetting];
        var explicitlySet = !string.IsNullOrWhiteSpace(directory);
        directory = explicitlySet ? Path.GetFullPath(directory!) : DefaultDirectory;
        if (!Directory.Exists(directory))
        {
            // A directory named on purpose but missing is a mistake worth stopping for (see StartupConfiguration).
            return configuration;
        }
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var firstEnvironment = sources.Select((source, index) => (source, index)).FirstOrDefault(s => s.source is EnvironmentVariablesConfigurationSource);
        var position = firstEnvironment.source is null ? sources.Count : firstEnvironment.index;
        var secrets = new ConfigurationBuilder().AddKeyPerFile(directory, optional: false, reloadOnChange: false).Sources[0];
        sources.Insert(position, secrets);
        return configuration;
    }
}
