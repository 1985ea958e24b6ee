using System.Net;

namespace CchcSite.Web.Tests.Http;

/// <summary>Uptime monitors and link checkers send HEAD: every address answers it as its GET, without the body.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class HeadRequestTests(SiteFactory site)
{
    /// <summary>Differ between two answers of the same address by nature, not by method.</summary>
    private static readonly HashSet<string> PerAnswer = new(StringComparer.OrdinalIgnoreCase) { "Date", "Age", "Set-Cookie", "Content-Length", "Transfer-Encoding" };

    [Fact]
    public async Task Every_public_route_answers_head_with_the_status_and_headers_of_its_get_and_no_body()
    {
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in await PublicRoutes.AllAsync(site, client))
        {
            var get = await SendAsync(client, HttpMethod.Get, url);
            var head = await SendAsync(client, HttpMethod.Head, url);

            Assert.True(get.StatusCode == head.StatusCode, $"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
            Assert.Equal(Headers(get, url), Headers(head, url));
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        return client.SendAsync(request);
    }

    private static List<string> Headers(HttpResponseMessage response, string url) =>
        [.. response.Headers.Concat(response.Content.Headers).Where(h => !PerAnswer.Contains(h.Key))
            .Select(h => $"{url} {h.Key}: {string.Join(", ", h.Value)}").Order(StringComparer.Ordinal)];
}
