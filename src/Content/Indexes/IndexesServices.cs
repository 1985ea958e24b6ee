using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Indexes;

public static class IndexesServices
{
    public static IServiceCollection AddIndexes(this IServiceCollection services) => services
        .AddScoped<IndexResults>()
        .AddScoped<IndexEditing>();
}
