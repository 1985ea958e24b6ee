using CchcSite.Content.Site;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// What follows from the public address: the host names the site answers to, and — when it is https, usually with
/// TLS ended at a reverse proxy — HSTS and cookies that are never sent over plain HTTP.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SiteOptions>, PublicUrlValidation>();
        services.AddSingleton(provider => PublicUrls.From(provider.GetRequiredService<IOptions<SiteOptions>>().Value));
        // Replaces the "AllowedHosts" setting: a request for any other host is refused with 400 before it reaches the
        // site. The one absolute Location the framework builds from the Host (cookie sign-in and access-denied
        // redirects; the site's own are relative) thus names the public host or loopback, where an administrator on
        // the server itself, and the browser tests at 127.0.0.1:<port>, stay on the origin they used.
        services.AddOptions<HostFilteringOptions>().Configure<PublicUrls>((options, urls) => options.AllowedHosts = urls.AllowedHosts.ToList());
        // Sent only where UseTransportSecurity turns it on: for an https public address.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Every authentication cookie, whatever its scheme's name (a null name is all of them).
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(provider =>
            new PostConfigureOptions<CookieAuthenticationOptions, PublicUrls>(null, provider.GetRequiredService<PublicUrls>(),
                (options, urls) => SecureOnHttps(options.Cookie, urls)));
        services.AddOptions<AntiforgeryOptions>().PostConfigure<PublicUrls>((options, urls) => SecureOnHttps(options.Cookie, urls));
        services.AddOptions<CookieTempDataProviderOptions>().PostConfigure<PublicUrls>((options, urls) => SecureOnHttps(options.Cookie, urls));
        return services;
    }

    /// <summary>An https site's cookies are never sent over plain HTTP.</summary>
    private static void SecureOnHttps(CookieBuilder cookie, PublicUrls urls)
    {
        if (urls.IsHttps)
            cookie.SecurePolicy = CookieSecurePolicy.Always;
    }

    /// <summary>HSTS only for an https public address; UseHsts itself sends it only on https requests.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<PublicUrls>().IsHttps)
            app.UseHsts();
        return app;
    }
}
