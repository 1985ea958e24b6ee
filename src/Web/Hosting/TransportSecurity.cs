using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Hosting;

/// <summary>
/// What follows from the public address: the host names the site answers to, and — when it is https, usually with
/// TLS ended at a reverse proxy — HSTS and cookies that are never sent over plain HTTP.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, PublicUrls urls)
    {
        services.AddSingleton(urls);
        // Replaces the "AllowedHosts" setting: a request for any other host is refused with 400 before it reaches the
        // site. The one absolute Location the framework builds from the Host (cookie sign-in and access-denied
        // redirects; the site's own are relative) thus names the public host or loopback, where an administrator on
        // the server itself, and the browser tests at 127.0.0.1:<port>, stay on the origin they used.
        services.Configure<HostFilteringOptions>(options => options.AllowedHosts = urls.AllowedHosts.ToList());
        if (!urls.IsHttps)
            return services;
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.PostConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>HSTS only for an https public address; UseHsts itself sends it only on https requests.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<PublicUrls>().IsHttps)
            app.UseHsts();
        return app;
    }
}
