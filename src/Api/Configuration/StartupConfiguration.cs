using Npgsql;
using UnifiedCustomers.Api.Public;
using UnifiedCustomers.Infrastructure.Jobs;

namespace UnifiedCustomers.Api.Configuration;

/// <summary>
/// What the host cannot start without, checked before anything is built so that a mistake is one line
/// on stderr and exit code 1, not a stack trace. Options read later are validated at start (ValidateOnStart).
/// </summary>
public static class StartupConfiguration
{
    public const int ExitCode = 1;

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var secrets = configuration[SecretFiles.DirectorySetting];
        if (!string.IsNullOrWhiteSpace(secrets) && !Directory.Exists(secrets))
            problems.Add($"{SecretFiles.DirectorySetting} names '{secrets}', which is not a directory.");

        var app = configuration.GetConnectionString("App");
        var owner = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(app) && string.IsNullOrWhiteSpace(owner))
        {
            problems.Add("No database: set ConnectionStrings__App (the API's role) or ConnectionStrings__Default, as an environment variable or a file in the secrets directory.");
            return problems;
        }
        foreach (var (name, value) in new[] { ("ConnectionStrings:App", app), ("ConnectionStrings:Default", owner) })
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            try
            {
                _ = new NpgsqlConnectionStringBuilder(value);
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{name} is not a valid connection string: {ex.Message}");
            }
        }
        problems.AddRange(Options<JobsOptions>(configuration, JobsOptions.Section, o => o.Problems()));
        problems.AddRange(Options<PublicRateLimitOptions>(configuration, PublicRateLimits.Section, o =>
            o.RequestsPerAddressPerMinute < 1 || o.BookingsPerEmailPerHour < 1 ? [$"{PublicRateLimits.Section}: every limit must be at least 1."] : []));
        return problems;
    }

    /// <summary>Binds a section as its options type: a value that does not convert is a problem too.</summary>
    private static IEnumerable<string> Options<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>> check) where T : new()
    {
        T options;
        try
        {
            options = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            return [$"{section}: {ex.Message}"];
        }
        return check(options).ToList();
    }

    /// <summary>The one line an operator reads.</summary>
    public static string Describe(IEnumerable<string> problems) => "Configuration error: " + string.Join(" ", problems);
}
