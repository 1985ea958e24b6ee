using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The one shape of the site's rate-limiting policies: so many requests per client address (<see cref="ClientAddress"/>)
/// and minute, the number read from the capability's options. Endpoints opt in with <c>[EnableRateLimiting(policy)]</c>;
/// refusals are answered by the editor area's <c>OnRejected</c> (a problem for the API, a line of Vietnamese for pages).
/// </summary>
public static class AddressLimits
{
    /// <summary>
    /// Adds <paramref name="policy"/>: <paramref name="perMinute"/> requests per address and minute, except the requests
    /// <paramref name="exempt"/> lets through (a kiosk serving a queue of people from one address).
    /// </summary>
    public static IServiceCollection AddPerAddressPolicy<TOptions>(this IServiceCollection services, string policy, Func<TOptions, int> perMinute,
        Func<HttpContext, TOptions, bool>? exempt = null) where TOptions : class
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<TOptions>>((options, settings) => options.AddPolicy(policy,
            context => exempt?.Invoke(context, settings.Value) == true
                ? RateLimitPartition.GetNoLimiter("exempt")
                : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute(settings.Value), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })));
        return services.AddRateLimiter(_ => { });
    }
}
