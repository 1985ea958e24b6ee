namespace CchcSite.Web.Hosting;

/// <summary>
/// The site makes no third-party requests; the content security policy enforces it in the browser.
/// Inline styles are allowed only so that the downloadable post file is self-contained.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
        "object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the response starts: the exception handler clears the headers of a failed response, and its
            // error page needs them as much as any other. A header an endpoint set for itself is kept.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                // frame-ancestors says the same to current browsers; older ones only know this header.
                headers.TryAdd("X-Frame-Options", "SAMEORIGIN");
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                return Task.CompletedTask;
            });
            return next(context);
        });
}
