using CchcSite.Content.Surveys;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Surveys;

/// <summary>
/// Survey responses per client address and minute. The limiter keeps its partitions in memory only: the address never
/// reaches the database, so the anonymity promise holds. A kiosk's responses are not limited by address (one desk's
/// tablet serves a queue of people); it is known by a signed-in officer or the kiosk token instead.
/// </summary>
public static class SurveyLimit
{
    public const string Policy = "khao-sat";

    internal static IServiceCollection AddSurveyLimit(this IServiceCollection services) =>
        services.AddPerAddressPolicy<SurveyOptions>(Policy, surveys => surveys.ResponsesPerMinute, SurveyKiosk.IsKiosk);
}
