using CchcSite.Content.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Videos;

public static class VideoServices
{
    public static IServiceCollection AddVideos(this IServiceCollection services)
    {
        services.AddSettings<VideoOptions>(VideoOptions.Section);
        services.AddScoped<VideoTranscoding>();
        services.AddScoped<VideoPlayback>();
        services.AddScoped<VideoCaptions>();
        services.AddSingleton<VideoEmbeds>();
        return services;
    }
}
