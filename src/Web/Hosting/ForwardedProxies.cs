using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CchcSite.Web.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are honoured only from the proxies listed in the "ForwardedHeaders"
/// section (KnownProxies: addresses, KnownNetworks: CIDR ranges); by default from none, not even loopback, so that
/// no client can choose its own address for the rate limits and the audit log by sending the header itself.
/// X-Forwarded-Host is never honoured: the site's host comes from Site:PublicUrl.
/// </summary>
public static class ForwardedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddForwardedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Read(section, "KnownProxies", ParseAddress);
        var networks = Read(section, "KnownNetworks", ParseNetwork);
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
            // Walk the chain from the nearest hop while each hop is a configured proxy (a CDN in front of nginx); the
            // first address that is not one is the client, whatever it wrote further left.
            options.ForwardLimit = null;
        });
    }

    private static List<T> Read<T>(IConfigurationSection section, string key, Func<string, T> parse) =>
        (section.GetSection(key).Get<string[]>() ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => parse(v.Trim())).ToList();

    private static IPAddress ParseAddress(string value) => IPAddress.TryParse(value, out var address) ? address
        : throw new InvalidOperationException($"{Section}:KnownProxies holds '{value}', which is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) => System.Net.IPNetwork.TryParse(value, out var network) ? network
        : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{value}', which is not a CIDR range such as 10.0.0.0/8.");
}
