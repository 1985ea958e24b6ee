using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
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
        // Replaces the "AllowedHosts" setting: a request for any other host is refused with 400 before it reaches the site.
        services.Configure<HostFilteringOptions>(options => options.AllowedHosts = urls.AllowedHosts.ToList());
        services.PostConfigureAll<CookieAuthenticationOptions>(options => PublicRedirects(options, urls));
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

    /// <summary>
    /// Cookie authentication builds its sign-in and access-denied redirects from the request's scheme and Host;
    /// these are rebuilt on the public address, so a Location never names a host the request chose.
    /// </summary>
    private static void PublicRedirects(CookieAuthenticationOptions options, PublicUrls urls)
    {
        var events = options.Events;
        var toLogin = events.OnRedirectToLogin;
        var toAccessDenied = events.OnRedirectToAccessDenied;
        var toLogout = events.OnRedirectToLogout;
        events.OnRedirectToLogin = context => toLogin(OnPublicAddress(context, urls));
        events.OnRedirectToAccessDenied = context => toAccessDenied(OnPublicAddress(context, urls));
        events.OnRedirectToLogout = context => toLogout(OnPublicAddress(context, urls));
    }

    private static RedirectContext<CookieAuthenticationOptions> OnPublicAddress(RedirectContext<CookieAuthenticationOptions> context, PublicUrls urls)
    {
        if (Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            context.RedirectUri = urls.Absolute(uri.PathAndQuery + uri.Fragment);
        return context;
    }
}
