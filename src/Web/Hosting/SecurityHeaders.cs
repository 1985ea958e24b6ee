namespace CchcSite.Web.Hosting;

/// <summary>
/// The site makes no third-party requests; the content security policy enforces it in the browser. No inline style
/// is allowed: the one view that needs it (the print view and the downloaded post file) widens the policy of its own
/// response by the hash of its style element.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set before the endpoint runs, so that a view can widen its own policy (the print view does), and again
            // as the response starts: the exception handler clears the headers of a failed response, and its error
            // page needs them as much as any other. A header an endpoint set for itself is kept.
            AddMissing(context.Response.Headers);
            context.Response.OnStarting(() =>
            {
                AddMissing(context.Response.Headers);
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// Lets this response's page frame one origin (a post's embedded video player) and nothing else: frame-src names only
    /// it, where every other page falls back to default-src 'self'. The rest of the site's policy stays as it is.
    /// </summary>
    public static void AllowFrames(HttpResponse response, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme != "https")
            throw new ArgumentException("Only an https origin may be framed.", nameof(origin));
        response.Headers.ContentSecurityPolicy = $"{ContentSecurityPolicy}; frame-src {uri.GetLeftPart(UriPartial.Authority)}";
    }

    private static void AddMissing(IHeaderDictionary headers)
    {
        headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        // frame-ancestors says the same to current browsers; older ones only know this header.
        headers.TryAdd("X-Frame-Options", "SAMEORIGIN");
        headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
