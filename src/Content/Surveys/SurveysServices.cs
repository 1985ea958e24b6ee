using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Surveys;

public static class SurveysServices
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddSettings<SurveyOptions>(SurveyOptions.Section);
        return services.AddScoped<SurveyResponses>().AddScoped<SurveyEditing>().AddScoped<SurveyResults>().AddScoped<SurveySipasResults>();
    }
}
