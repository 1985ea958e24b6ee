using CchcSite.Content;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Feeds;

public static class FeedsSetup
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddSettings<SitemapOptions>(SitemapOptions.Section);
        services.AddScoped<SiteFeeds>();
        services.AddScoped<Sitemap>();
        services.AddSingleton<PageDiscoveries>();
        services.AddSingleton<PageDiscoveries.Filter>();
        services.Configure<MvcOptions>(options => options.Filters.AddService<PageDiscoveries.Filter>());
        return services;
    }
}
