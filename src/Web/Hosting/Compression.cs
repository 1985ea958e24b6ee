using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CchcSite.Web.Hosting;

/// <summary>
/// HTML, JSON, XML, CSS and JavaScript go out Brotli- or gzip-compressed (static assets from the files compressed at
/// build time, everything else here, once per cache entry: the output cache stores what this compressed). An answer
/// marked <c>no-store</c> is never compressed: those are the ones that hold a secret next to text the visitor typed (an
/// antiforgery token on a form, a citizen's tracking answer), which is what BREACH needs to read the secret from the
/// compressed length.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH is handled per answer (no-store answers stay plain), so HTTPS is compressed like HTTP.
            options.EnableForHttps = true;
            // Gzip first: a browser accepting both gets gzip. For our pages, compressed once per render, gzip at its default
            // level is as small as Brotli's default (home 5,748 B against 5,871 B, a post 3,741 against 3,713) for less CPU
            // (Brotli's encoder sets up a large window and hash tables per response: 10 % of an uncached post's CPU, gzip
            // 7 %; docs/perf.md). A client that prefers Brotli by its q-values still gets it. Static assets keep
            // their build-time Brotli files.
            options.Providers.Add<GzipCompressionProvider>();
            options.Providers.Add<BrotliCompressionProvider>();
            options.MimeTypes = ["text/html", "application/json", "application/problem+json", "text/xml", "application/xml",
                "application/rss+xml", "application/atom+xml", "text/css", "text/javascript", "application/javascript", "text/plain"];
        });
        // The better ratio costs a little more CPU, paid once per render, not once per request.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddSingleton<IResponseCompressionProvider, PlainWhenNoStore>();
        return services;
    }

    /// <summary>The encoding this request's answer gets ("br", "gzip" or "identity"): part of the output cache key.</summary>
    public static string NegotiatedEncoding(HttpContext context) =>
        context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? "identity";

    private sealed class PlainWhenNoStore(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        /// <summary>Clients send a handful of distinct Accept-Encoding values; more than this are negotiated each time.</summary>
        private const int RememberedHeaders = 64;

        // The negotiation depends on the header alone, and parsing its q-values allocated about 8 % of a cached page's
        // bytes (it runs for every request: the encoding is part of the output cache key; docs/perf.md).
        private readonly ConcurrentDictionary<string, ICompressionProvider?> _byHeader = new(StringComparer.Ordinal);

        public override ICompressionProvider? GetCompressionProvider(HttpContext context)
        {
            var accept = context.Request.Headers.AcceptEncoding;
            if (accept.Count != 1 || accept[0] is not { Length: > 0 } header)
                return accept.Count == 0 ? null : base.GetCompressionProvider(context);
            if (_byHeader.TryGetValue(header, out var provider))
                return provider;
            provider = base.GetCompressionProvider(context);
            if (_byHeader.Count < RememberedHeaders)
                _byHeader.TryAdd(header, provider);
            return provider;
        }

        public override bool ShouldCompressResponse(HttpContext context) =>
            !HeaderUtilities.ContainsCacheDirective(context.Response.Headers.CacheControl, CacheControlHeaderValue.NoStoreString)
            && base.ShouldCompressResponse(context);
    }
}
