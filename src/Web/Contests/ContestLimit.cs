using CchcSite.Content.Contests;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Contests;

/// <summary>
/// Contest writes (start, save, submit) per client address and minute, in the same shape as the tracking limit: a robot
/// filling papers or guessing attempt addresses is slowed, a person answering at their pace never meets it.
/// </summary>
public static class ContestLimit
{
    public const string Policy = "hoi-thi";

    public static IServiceCollection AddContestLimit(this IServiceCollection services) =>
        services.AddPerAddressPolicy<ContestOptions>(Policy, contests => contests.WritesPerMinute);
}
