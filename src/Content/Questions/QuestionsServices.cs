using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Questions;

public static class QuestionsServices
{
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddSettings<SubmissionOptions>(SubmissionOptions.Section);
        return services
            .AddScoped<CitizenSubmissions>()
            .AddScoped<PublicSubmissions>()
            .AddScoped<QuestionPageBuilder>()
            .AddScoped<SubmissionInbox>()
            .AddScoped<HelpfulVotes>()
            .AddScoped<SubmissionStatistics>();
    }
}
