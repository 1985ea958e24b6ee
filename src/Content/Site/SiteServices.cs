using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Site;

public static class SiteServices
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddSettings<SiteOptions>(SiteOptions.Section);
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteMarkValidation>();
        services.AddSingleton(provider =>
        {
            var site = provider.GetRequiredService<IOptions<SiteOptions>>().Value;
            return new SiteIdentity(site.Name) { MarkUrl = site.MarkAddress };
        });
        services.AddOptions<PortalOwnerOptions>().BindConfiguration(PortalOwnerOptions.Section);
        services.AddScoped<SitePageBuilder>();
        services.AddScoped<AboutPageBuilder>();
        return services;
    }

    /// <summary>A configured mark must be a file of a known image type, so the header never shows a broken image.</summary>
    private sealed class SiteMarkValidation : IValidateOptions<SiteOptions>
    {
        public ValidateOptionsResult Validate(string? name, SiteOptions options) => options.MarkPath switch
        {
            null or "" => ValidateOptionsResult.Success,
            var path when !SiteOptions.MarkTypes.ContainsKey(Path.GetExtension(path)) => ValidateOptionsResult.Fail(
                $"{SiteOptions.Section}:{nameof(SiteOptions.MarkPath)} must be an SVG, PNG, JPEG or WebP file; '{path}' is not."),
            var path when !File.Exists(path) => ValidateOptionsResult.Fail(
                $"{SiteOptions.Section}:{nameof(SiteOptions.MarkPath)} names no file: '{path}'."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
