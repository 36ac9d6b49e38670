using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace UnifiedCustomers.Api.Access;

/// <summary>
/// The client address a request comes from (rate limits, logs): the connection's peer, or the
/// X-Forwarded-For entry a trusted proxy added. Trusted are the addresses in
/// ForwardedHeaders:KnownProxies and the networks (CIDR) in ForwardedHeaders:KnownNetworks; with
/// neither set, only loopback. A header from anyone else is ignored, so a client cannot pick the
/// address it is limited under.
/// </summary>
internal static class ClientAddresses
{
    public static IServiceCollection AddClientAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var forwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = forwardLimit;
            if (proxies.Length == 0 && networks.Length == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
            }
        });
        return services;
    }
}
