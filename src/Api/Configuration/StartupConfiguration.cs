using UnifiedCustomers.Infrastructure.Jobs;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Infrastructure.Webhooks;

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
            if (!string.IsNullOrWhiteSpace(value) && DatabaseConnections.Invalid(value) is { } invalid)
                problems.Add($"{name} is not a valid connection string: {invalid}");
        }
        problems.AddRange(Options<JobsOptions>(configuration, JobsOptions.Section, o => o.Problems()));
        problems.AddRange(Options<Events.EventOptions>(configuration, Events.EventOptions.Section, o => o.Problems()));
        problems.AddRange(Options<WebhookOptions>(configuration, WebhookOptions.Section, o => o.Problems()));
        problems.AddRange(Options<PublicRateLimitOptions>(configuration, PublicRateLimits.Section, o =>
            o.RequestsPerAddressPerMinute < 1 || o.BookingsPerEmailPerHour < 1 ? [$"{PublicRateLimits.Section}: every limit must be at least 1."] : []));
        problems.AddRange(EdgeProblems(configuration));
        return problems;
    }

    /// <summary>The pool size, the trusted proxies and the widget's origins.</summary>
    private static IEnumerable<string> EdgeProblems(IConfiguration configuration)
    {
        var poolSize = configuration[DatabaseConnections.MaxPoolSizeSetting];
        if (poolSize is not null && (!int.TryParse(poolSize, System.Globalization.CultureInfo.InvariantCulture, out var size) || size is < 1 or > 1000))
            yield return $"{DatabaseConnections.MaxPoolSizeSetting} must be a whole number from 1 to 1000 (got '{poolSize}').";
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            if (!System.Net.IPAddress.TryParse(proxy.Trim(), out _)) yield return $"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.";
        }
        foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
        {
            if (!System.Net.IPNetwork.TryParse(network.Trim(), out _)) yield return $"ForwardedHeaders:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8.";
        }
        var forwardLimit = configuration["ForwardedHeaders:ForwardLimit"];
        if (forwardLimit is not null && (!int.TryParse(forwardLimit, System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit < 1))
            yield return $"ForwardedHeaders:ForwardLimit must be a whole number of at least 1 (got '{forwardLimit}').";
        foreach (var origin in configuration.GetSection("PublicWidget:AllowedOrigins").Get<string[]>() ?? [])
        {
            if (!Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.PathAndQuery != "/")
                yield return $"PublicWidget:AllowedOrigins: '{origin}' is not a web origin such as https://studio.example.";
        }
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
