using CchcSite.Content.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Indexes;

public static class IndexesServices
{
    public static IServiceCollection AddIndexes(this IServiceCollection services) => services
        .AddSingleton<ISearchSource, IndexYearSearchSource>()
        .AddScoped<IndexResults>()
        .AddScoped<IndexEditing>()
        .AddScoped<IndexDefinitions>()
        .AddScoped<IndexResultEntry>();
}
