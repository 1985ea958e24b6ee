using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    /// <summary>Adds the <see cref="HourlyQuotas"/> the forms' own limiters take from.</summary>
    public static IServiceCollection AddHourlyQuotas(this IServiceCollection services)
    {
        services.TryAddSingleton<HourlyQuotas>();
        return services;
    }
}

/// <summary>
/// Hourly allowances per client address for the citizens' forms that answer a refusal themselves (the form shown again
/// with what was typed, or the API's problem), so they cannot use an endpoint policy. All of them share one partitioned
/// limiter: each limiter runs its own 100 ms timer, and an idle site should not wake ten times a second per form.
/// </summary>
public sealed class HourlyQuotas : IDisposable
{
    private readonly PartitionedRateLimiter<(string Quota, int PerHour, string Address)> _limiter =
        PartitionedRateLimiter.Create<(string Quota, int PerHour, string Address), (string, int, string)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = key.PerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
            }));

    /// <summary>Takes one of <paramref name="perHour"/> requests this client may make to <paramref name="quota"/> in an hour.</summary>
    public bool TryAcquire(HttpContext context, string quota, int perHour)
    {
        using var lease = _limiter.AttemptAcquire((quota, perHour, ClientAddress.PartitionKey(context)));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
