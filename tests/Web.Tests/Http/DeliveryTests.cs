using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CchcSite.Web.Tests.Http;

/// <summary>Compression, static assets and the caching headers a browser or a CDN in front reads.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class DeliveryTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private Task<HttpResponseMessage> GetAsync(string url, string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return _client.SendAsync(request);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream plain = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException($"Unexpected encoding {other}."),
        };
        using var reader = new StreamReader(plain, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/units")]
    public async Task Pages_and_json_are_compressed_as_the_client_accepts_with_the_same_content(string url)
    {
        var plain = await GetAsync(url);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var text = await TextAsync(plain);
        foreach (var (accepts, chosen) in new[] { ("gzip, deflate, br", "gzip"), ("br", "br"), ("br, gzip;q=0.5", "br"), ("br;q=0, gzip", "gzip") })
        {
            var response = await GetAsync(url, accepts);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(chosen, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(response.Content.Headers.ContentLength is null || response.Content.Headers.ContentLength < Encoding.UTF8.GetByteCount(text) / 2);
            Assert.Equal(text, await TextAsync(response));
        }
    }

    [Theory]
    [InlineData("/gui-cau-hoi")]
    [InlineData("/quan-tri/dang-nhap")]
    [InlineData("/tra-cuu?ma=KHONGCO")]
    public async Task Personal_answers_and_forms_with_a_token_are_private_no_store_and_never_compressed(string url)
    {
        var response = await GetAsync(url, "br, gzip");
        AssertPrivateNoStore(response);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task The_tracking_api_is_private_no_store()
    {
        var response = await GetAsync("/api/v1/submissions/KHONGCO", "br");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertPrivateNoStore(response);
    }

    private static void AssertPrivateNoStore(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.True(cacheControl is { Private: true, NoStore: true, Public: false, NoCache: false, MaxAge: null }, $"Cache-Control: {cacheControl}");
    }

    [Fact]
    public async Task Stylesheet_and_script_have_fingerprinted_addresses_served_immutable_precompressed_and_revalidated_by_304()
    {
        var home = await TextAsync(await GetAsync("/"));
        foreach (var url in new[] { PublicRoutes.Stylesheet(home), PublicRoutes.Script(home) })
        {
            Assert.Matches(@"\.[a-z0-9]{8,}\.(css|js)$", url);
            var response = await GetAsync(url, "br, gzip");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            var etag = response.Headers.ETag?.ToString();
            Assert.NotNull(etag);

            var again = await GetAsync(url, "br, gzip", etag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("/api/v1/posts")]
    [InlineData("/api/v1/units")]
    public async Task An_api_answer_carries_the_content_version_and_answers_it_with_304(string url)
    {
        var answer = await GetAsync(url, "gzip");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", answer.Headers.CacheControl?.ToString());
        var etag = answer.Headers.ETag;
        Assert.NotNull(etag);

        var again = await GetAsync(url, "gzip", etag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_public_page_is_cacheable_by_a_cdn_and_answers_its_etag_with_304()
    {
        var page = await GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}", "br");
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", page.Headers.CacheControl?.ToString());
        var etag = page.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);

        var again = await GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}", "br", etag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", again.Headers.CacheControl?.ToString());
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}", "br", "W/\"khac-1\"")).StatusCode);
    }
}
