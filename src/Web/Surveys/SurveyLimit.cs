using System.Threading.RateLimiting;
using CchcSite.Content.Surveys;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Surveys;

/// <summary>
/// Survey responses per client address and minute. The limiter keeps its partitions in memory only: the address never
/// reaches the database, so the anonymity promise holds. A kiosk's responses are not limited by address (one desk's
/// tablet serves a queue of people); it is known by a signed-in officer or the kiosk token instead.
/// </summary>
public static class SurveyLimit
{
    public const string Policy = "khao-sat";

    internal static IServiceCollection AddSurveyLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SurveyOptions>>((options, surveys) => options.AddPolicy(Policy,
            context => SurveyKiosk.IsKiosk(context, surveys.Value)
                ? RateLimitPartition.GetNoLimiter("kiosk")
                : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = surveys.Value.ResponsesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })));
        return services.AddRateLimiter(_ => { });
    }
}
