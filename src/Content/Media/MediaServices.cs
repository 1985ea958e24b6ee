using CchcSite.Content.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Media;

public static class MediaServices
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSettings<MediaLimits>(MediaLimits.Section);
        services.AddSingleton(provider => new MediaStore(provider.GetRequiredService<IOptions<SiteOptions>>().Value.MediaPath));
        services.AddSingleton<IMediaStore>(provider => provider.GetRequiredService<MediaStore>());
        services.AddSingleton<VideoUploads>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaCleanup>();
        return services;
    }
}
