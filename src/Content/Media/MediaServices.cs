using CchcSite.Content.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Media;

public static class MediaServices
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSettings<MediaLimits>(MediaLimits.Section);
        // The checked limits as a value too, for the editor's pages that quote them to the person uploading.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<MediaLimits>>().Value);
        services.AddSingleton(provider => new MediaStore(
            provider.GetRequiredService<IOptions<SiteOptions>>().Value.MediaPath, provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<MediaLibrary>();
        return services;
    }
}
