using System.Reflection;
using UnifiedCustomers.Api.Access;
using UnifiedCustomers.Api.Composition;
using UnifiedCustomers.Api.Configuration;
using UnifiedCustomers.Api.Public;
using UnifiedCustomers.Infrastructure.Jobs;
using UnifiedCustomers.Testing;
using YamlDotNet.Serialization;

namespace UnifiedCustomers.Api.Tests.Deployment;

/// <summary>The YAML under deploy/kubernetes, read as plain maps and lists.</summary>
internal sealed class Manifests
{
    public static readonly string Directory = Path.Combine(TestServer.RepositoryRoot(), "deploy", "kubernetes");

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static Node Load(string file) => new(Yaml.Deserialize<object>(File.ReadAllText(Path.Combine(Directory, file))));

    public static Node Deployment => Load("deployment.yaml");
    public static Node Job => Load("migration-job.yaml");
    public static Node ConfigMap => Load("configmap.yaml");
    public static Node SecretExample => Load("secret.example.yaml");
    public static Node Service => Load("service.yaml");
    public static Node Kustomization => Load("kustomization.yaml");
}

/// <summary>A YAML value: a map, a list or a scalar.</summary>
internal sealed class Node(object? value)
{
    public object? Value { get; } = value;

    public Node this[string key] => Value is Dictionary<object, object> map && map.TryGetValue(key, out var child)
        ? new Node(child)
        : throw new KeyNotFoundException($"No '{key}' in {Describe()}");

    public Node this[int index] => new(((List<object>)Value!)[index]);

    public bool Has(string key) => Value is Dictionary<object, object> map && map.ContainsKey(key);

    public IEnumerable<Node> Items => Value is List<object> list ? list.Select(v => new Node(v)) : [];

    public IEnumerable<string> Keys => Value is Dictionary<object, object> map ? map.Keys.Select(k => k.ToString()!) : [];

    public string Text => Value?.ToString() ?? throw new InvalidOperationException("null where a scalar was expected");

    public Node Single(string key, string value) => Items.Single(i => i.Has(key) && i[key].Text == value);

    private string Describe() => Value?.GetType().Name ?? "null";
}

/// <summary>Every setting the API reads, spelled as environment variables: from its options types and the names its code uses.</summary>
internal static class Settings
{
    public static IReadOnlyList<string> All { get; } =
    [
        "ConnectionStrings__Default",
        "ConnectionStrings__App",
        Env(UnifiedCustomers.Infrastructure.Persistence.DatabaseConnections.MaxPoolSizeSetting),
        "ForwardedHeaders__KnownProxies__0",
        "ForwardedHeaders__KnownNetworks__0",
        "ForwardedHeaders__ForwardLimit",
        "PublicWidget__AllowedOrigins__0",
        Env(SecretFiles.DirectorySetting),
        .. Options(JobsOptions.Section, typeof(JobsOptions)),
        .. Options(PublicRateLimits.Section, typeof(PublicRateLimitOptions)),
        .. Options(CustomerAccessOptions.Section, typeof(CustomerAccessOptions)),
        TelemetryServices.OtlpEndpointSetting,
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
        TelemetryServices.ServiceNameSetting,
        "OTEL_RESOURCE_ATTRIBUTES",
        "Logging__Console__FormatterName",
        "Logging__LogLevel__Default",
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_URLS",
        "AllowedHosts",
    ];

    public static string Env(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<string> Options(string section, Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{Env(section)}__{p.Name}");
}
