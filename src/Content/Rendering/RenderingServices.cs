using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Rendering;

public static class RenderingServices
{
    public static IServiceCollection AddRendering(this IServiceCollection services) => services.AddSingleton<MarkdownRenderer>();
}
