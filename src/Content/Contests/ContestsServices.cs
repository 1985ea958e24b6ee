using CchcSite.Content.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Contests;

public static class ContestsServices
{
    public static IServiceCollection AddContests(this IServiceCollection services)
    {
        services.AddSettings<ContestOptions>(ContestOptions.Section);
        return services
            .AddScoped<ContestSubmission>()
            .AddScoped<ContestEntries>()
            .AddScoped<ContestEditing>()
            .AddScoped<ContestQuestionImport>()
            .AddScoped<ContestOrganising>()
            .AddScoped<PublicContests>()
            .AddScoped<ContestParticipation>()
            .AddSingleton<ISearchSource, ContestSearchSource>();
    }
}
