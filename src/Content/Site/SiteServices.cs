using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Site;

public static class SiteServices
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddSettings<SiteOptions>(SiteOptions.Section);
        services.AddSingleton(provider => new SiteIdentity(provider.GetRequiredService<IOptions<SiteOptions>>().Value.Name));
        services.AddOptions<PortalOwnerOptions>().BindConfiguration(PortalOwnerOptions.Section);
        services.AddScoped<SitePageBuilder>();
        services.AddScoped<AboutPageBuilder>();
        return services;
    }
}
