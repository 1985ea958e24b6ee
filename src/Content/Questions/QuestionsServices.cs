using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Questions;

public static class QuestionsServices
{
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddSettings<SubmissionOptions>(SubmissionOptions.Section);
        // The checked settings as a value too, for the inbox pages that show the deadline rule.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SubmissionOptions>>().Value);
        return services
            .AddScoped<CitizenSubmissions>()
            .AddScoped<PublicSubmissions>()
            .AddScoped<QuestionPageBuilder>()
            .AddScoped<SubmissionInbox>()
            .AddScoped<SubmissionStatistics>();
    }
}
