using CchcSite.Content.Questions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Search;

public static class SearchServices
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSettings<SearchOptions>(SearchOptions.Section);
        // One index, one writer per process: opening it twice on the same folder would fail on Lucene's write lock.
        services.AddSingleton(provider => SearchIndex.Open(provider.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath));
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ThesaurusStore>();
        services.AddScoped<ThesaurusAdministration>();
        services.AddScoped<PostSearch>();
        services.AddSingleton<SearchResultCache>();
        services.AddSingleton<IIdleMemory>(sp => sp.GetRequiredService<SearchResultCache>());
        services.AddSingleton<IQuestionSearch, IndexQuestionSearch>();
        return services;
    }
}
