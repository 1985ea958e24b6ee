using System.ComponentModel.DataAnnotations;
using System.Net;
using CchcSite.Content;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The "ForwardedHeaders" section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed
/// (KnownProxies: addresses, KnownNetworks: CIDR ranges); by default none, not even loopback, so that no client can
/// choose its own address for the rate limits and the audit log by sending the header itself.
/// </summary>
public sealed class ForwardedProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];

    internal IEnumerable<IPAddress> Proxies => Listed(KnownProxies).Select(IPAddress.Parse);
    internal IEnumerable<System.Net.IPNetwork> Networks => Listed(KnownNetworks).Select(v => System.Net.IPNetwork.Parse(v));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var value in Listed(KnownProxies).Where(v => !IPAddress.TryParse(v, out _)))
            yield return new ValidationResult($"holds '{value}', which is not an IP address", [nameof(KnownProxies)]);
        foreach (var value in Listed(KnownNetworks).Where(v => !System.Net.IPNetwork.TryParse(v, out _)))
            yield return new ValidationResult($"holds '{value}', which is not a CIDR range such as 10.0.0.0/8", [nameof(KnownNetworks)]);
    }

    private static IEnumerable<string> Listed(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim());
}

/// <summary>X-Forwarded-Host is never honoured: the site's host comes from Site:PublicUrl.</summary>
public static class ForwardedProxies
{
    public static IServiceCollection AddForwardedProxies(this IServiceCollection services)
    {
        services.AddSettings<ForwardedProxyOptions>(ForwardedProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedProxyOptions>>((options, configured) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configured.Value.Proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in configured.Value.Networks)
                options.KnownIPNetworks.Add(network);
            // Walk the chain from the nearest hop while each hop is a configured proxy (a CDN in front of nginx); the
            // first address that is not one is the client, whatever it wrote further left.
            options.ForwardLimit = null;
        });
        return services;
    }
}
