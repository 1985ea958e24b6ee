using System.Threading.RateLimiting;
using CchcSite.Content.Contests;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Contests;

/// <summary>
/// Contest writes (start, save, submit) per client address and minute, in the same shape as the tracking limit: a robot
/// filling papers or guessing attempt addresses is slowed, a person answering at their pace never meets it.
/// </summary>
public static class ContestLimit
{
    public const string Policy = "hoi-thi";

    public static IServiceCollection AddContestLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ContestOptions>>((options, contests) => options.AddPolicy(Policy,
            context => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.PartitionKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = contests.Value.WritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            })));
        return services.AddRateLimiter(_ => { });
    }
}
