using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace CchcSite.Web.Tests.Http;

/// <summary>
/// `dotnet run --project src/Web` runs in Development. There MapStaticAssets' runtime reload, left on, re-"compressed"
/// each file as gzip and sent it labelled `br`: the browser could not decode the stylesheet and showed the site unstyled.
/// </summary>
public sealed class DevelopmentAssetTests : IClassFixture<DevelopmentAssetTests.DevelopmentSite>
{
    private readonly HttpClient _client;

    public DevelopmentAssetTests(DevelopmentSite site) => _client = site.CreateClient();

    public sealed class DevelopmentSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task The_stylesheet_a_browser_gets_with_brotli_decodes_to_the_stylesheet()
    {
        var home = await _client.GetStringAsync("/");
        var url = Regex.Match(home, "href=\"(/_content/[^\"]+\\.css)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");

        var response = await _client.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var css = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var text = await new StreamReader(css).ReadToEndAsync();
        Assert.Contains(".site-header", text);
    }
}
