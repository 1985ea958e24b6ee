using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CchcSite.Content.Posts;

namespace CchcSite.Web.Tests.Feeds;

/// <summary>
/// What search engines and social networks read from a page's head: canonical address, feed links, Open Graph and
/// Twitter card with an absolute cover image, and JSON-LD that parses however hostile a title is.
/// </summary>
public sealed class PageHeadTests(FeedSite site) : IClassFixture<FeedSite>
{
    private const string HostileTitle = "Tiêu đề </script><script>alert(\"x\")</script> & <b>đậm</b> 'nháy' \\ \u2028 hết";
    private readonly HttpClient _client = site.CreateClient();

    private async Task<IDocument> PageAsync(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string? Meta(IDocument page, string name) =>
        page.Head!.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content");

    private static List<JsonElement> JsonLd(IDocument page)
    {
        var scripts = page.Head!.QuerySelectorAll("script[type='application/ld+json']").ToList();
        Assert.Single(scripts);
        using var document = JsonDocument.Parse(scripts[0].TextContent);
        Assert.Equal("https://schema.org", document.RootElement.GetProperty("@context").GetString());
        return document.RootElement.GetProperty("@graph").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static JsonElement OfType(List<JsonElement> graph, string type) => graph.Single(e => e.GetProperty("@type").GetString() == type);

    [Fact]
    public async Task A_post_has_its_canonical_address_open_graph_twitter_card_and_a_news_article()
    {
        var path = (await site.SamplesAsync()).Published;
        var page = await PageAsync(path);
        var canonical = FeedSite.Origin + path;

        Assert.Equal(canonical, page.Head!.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(canonical, Meta(page, "og:url"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("Tin nguồn cấp kiểm thử: Cải cách thể chế", Meta(page, "og:title"));
        Assert.Equal("Tóm tắt: Tin nguồn cấp kiểm thử: Cải cách thể chế", Meta(page, "og:description"));
        var image = Meta(page, "og:image");
        Assert.StartsWith(FeedSite.Origin + "/tep/", image);
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal(image, Meta(page, "twitter:image"));
        // The image a share shows is one the public may fetch.
        Assert.True((await _client.GetAsync(new Uri(image!).AbsolutePath)).IsSuccessStatusCode);

        var feeds = page.Head.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal([$"{FeedSite.Origin}/rss/don-vi/{FeedSite.Unit}/tin-tuc", $"{FeedSite.Origin}/rss/don-vi/{FeedSite.Unit}", $"{FeedSite.Origin}/rss"], feeds);
        Assert.Equal($"{FeedSite.Origin}/rss/don-vi/{FeedSite.Unit}/tin-tuc", page.QuerySelector("footer a[type='application/rss+xml']")?.GetAttribute("href"));

        var graph = JsonLd(page);
        var article = OfType(graph, "NewsArticle");
        Assert.Equal("Tin nguồn cấp kiểm thử: Cải cách thể chế", article.GetProperty("headline").GetString());
        Assert.Equal(canonical, article.GetProperty("mainEntityOfPage").GetString());
        Assert.Equal(image, article.GetProperty("image")[0].GetString());
        Assert.True(DateTimeOffset.TryParse(article.GetProperty("datePublished").GetString(), out _));
        Assert.Equal("GovernmentOrganization", article.GetProperty("publisher").GetProperty("@type").GetString());
        var crumbs = OfType(graph, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(FeedSite.Origin + "/", crumbs[0].GetProperty("item").GetString());
        Assert.Equal(canonical, crumbs[^1].GetProperty("item").GetString());
        Assert.Equal(Enumerable.Range(1, crumbs.Count), crumbs.Select(c => c.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task A_hostile_title_cannot_break_out_of_the_json_ld_or_the_meta_tags()
    {
        var path = await site.AddPostAsync(FeedSite.Unit, PostKind.Article, "tieu-de-doc-hai", HostileTitle, PostStatus.Published, DateTime.UtcNow.AddMinutes(-1));
        var html = await _client.GetStringAsync(path);
        var page = new HtmlParser().ParseDocument(html);

        // The only scripts are the theme's file and the one JSON-LD data block: the title opened none.
        Assert.Equal(2, page.QuerySelectorAll("script").Length);
        Assert.DoesNotContain("<script>alert", html);
        var article = OfType(JsonLd(page), "NewsArticle");
        Assert.Equal(HostileTitle, article.GetProperty("headline").GetString());
        Assert.Equal(HostileTitle, Meta(page, "og:title"));
        Assert.Equal(HostileTitle, Meta(page, "twitter:title"));
    }

    [Fact]
    public async Task A_unit_page_describes_the_unit_as_a_government_organization()
    {
        var page = await PageAsync("/" + FeedSite.Unit);

        Assert.Equal($"{FeedSite.Origin}/{FeedSite.Unit}", page.Head!.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.StartsWith(FeedSite.Origin + "/tep/", Meta(page, "og:image"));
        Assert.Equal("website", Meta(page, "og:type"));
        var organisation = OfType(JsonLd(page), "GovernmentOrganization");
        Assert.Equal(SeedFacts.UnitNames.SoGddtSocTrang, organisation.GetProperty("name").GetString());
        Assert.Equal($"{FeedSite.Origin}/{FeedSite.Unit}", organisation.GetProperty("url").GetString());
        Assert.Contains(page.Head.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == $"{FeedSite.Origin}/atom/don-vi/{FeedSite.Unit}");
    }

    [Fact]
    public async Task The_home_page_has_its_canonical_address_a_cover_and_the_site_feeds()
    {
        var page = await PageAsync("/");

        Assert.Equal(FeedSite.Origin + "/", page.Head!.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.StartsWith(FeedSite.Origin + "/tep/", Meta(page, "og:image"));
        Assert.Equal("Cổng thông tin cải cách hành chính", Meta(page, "og:site_name"));
        Assert.Equal("WebSite", JsonLd(page).Single().GetProperty("@type").GetString());
        var feeds = page.Head.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains(FeedSite.Origin + "/rss", feeds);
        Assert.Contains(FeedSite.Origin + "/rss/van-ban", feeds);
    }

    [Theory]
    [InlineData("/" + FeedSite.Unit + "/tin-tuc?trang=1&utm_source=x", "/" + FeedSite.Unit + "/tin-tuc")]
    [InlineData("/linh-vuc/" + FeedSite.Field + "?bat-ky=1", "/linh-vuc/" + FeedSite.Field)]
    [InlineData("/linh-vuc", "/linh-vuc")]
    [InlineData("/hoi-dap?q=bang", "/hoi-dap")]
    public async Task A_list_is_canonical_without_the_query_values_it_ignores(string path, string canonical)
    {
        var page = await PageAsync(path);
        Assert.Equal(FeedSite.Origin + canonical, page.Head!.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }
}
