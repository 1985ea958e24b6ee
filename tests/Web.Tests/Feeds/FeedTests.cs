using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using CchcSite.Content.Posts;

namespace CchcSite.Web.Tests.Feeds;

/// <summary>
/// The RSS and Atom feeds, read back with the same syndication library a reader's would use: only posts a visitor can
/// read, each scope only its own posts, every address absolute under Site:PublicUrl.
/// </summary>
public sealed class FeedTests : IClassFixture<FeedSite>, IAsyncLifetime
{
    private const string Unit = FeedSite.Unit;
    private const string OtherUnit = FeedSite.OtherUnit;
    private const string Field = FeedSite.Field;

    private readonly FeedSite _site;
    private readonly HttpClient _client;
    private string _published = "", _draft = "", _scheduled = "", _other = "", _document = "";

    public FeedTests(FeedSite site)
    {
        _site = site;
        _client = site.CreateClient();
    }

    public async Task InitializeAsync() =>
        (_published, _draft, _scheduled, _other, _document) = await _site.SamplesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<SyndicationFeed> LoadAsync(string path, string mediaType)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }

    private static List<string> Links(SyndicationFeed feed) => feed.Items.Select(i => i.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri).ToList();

    private static string Absolute(string path) => FeedSite.Origin + path;

    [Theory]
    [InlineData("/rss", "application/rss+xml")]
    [InlineData("/atom", "application/atom+xml")]
    public async Task The_site_feed_holds_published_posts_and_never_a_draft_or_a_scheduled_one(string path, string mediaType)
    {
        var feed = await LoadAsync(path, mediaType);
        var links = Links(feed);

        Assert.Contains(Absolute(_published), links);
        Assert.Contains(Absolute(_other), links);
        Assert.DoesNotContain(Absolute(_draft), links);
        Assert.DoesNotContain(Absolute(_scheduled), links);
        Assert.Equal("Tin mới – Cổng thông tin cải cách hành chính", feed.Title.Text);
        Assert.Equal("vi", feed.Language);
        Assert.All(links, link => Assert.StartsWith(FeedSite.Origin + "/", link));
        Assert.Equal(Absolute(path), feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        var item = feed.Items.Single(i => i.Title.Text == "Tin nguồn cấp kiểm thử: Cải cách thể chế");
        Assert.Equal("Tóm tắt: Tin nguồn cấp kiểm thử: Cải cách thể chế", item.Summary.Text);
        Assert.Equal(SeedFacts.UnitNames.SoGddtSocTrang, item.Authors.Single().Name);
        // Newest first, as every list of the site.
        Assert.Equal(feed.Items.Select(i => i.PublishDate).OrderByDescending(d => d), feed.Items.Select(i => i.PublishDate));
        Assert.InRange(feed.Items.Count(), 1, 20);
    }

    [Theory]
    [InlineData("/rss/don-vi/" + Unit, "application/rss+xml")]
    [InlineData("/atom/don-vi/" + Unit, "application/atom+xml")]
    public async Task A_unit_feed_holds_only_that_units_posts(string path, string mediaType)
    {
        var feed = await LoadAsync(path, mediaType);
        var links = Links(feed);

        Assert.Contains(Absolute(_published), links);
        Assert.Contains(Absolute(_document), links);
        Assert.DoesNotContain(Absolute(_other), links);
        Assert.DoesNotContain(Absolute(_draft), links);
        Assert.DoesNotContain(Absolute(_scheduled), links);
        Assert.All(links, link => Assert.StartsWith($"{FeedSite.Origin}/{Unit}/", link));
        Assert.Equal($"Chuyên trang CCHC – {SeedFacts.UnitNames.SoGddtSocTrang}", feed.Title.Text);
        Assert.Equal(Absolute("/" + Unit), feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_kind_feed_holds_only_that_kind_of_every_unit_and_a_unit_tab_feed_only_the_units()
    {
        var documents = Links(await LoadAsync("/rss/van-ban", "application/rss+xml"));
        Assert.Contains(Absolute(_document), documents);
        Assert.All(documents, link => Assert.Contains("/van-ban/", link));
        Assert.True(documents.Select(l => new Uri(l).Segments[1]).Distinct().Count() > 1, "the seed has documents of several units");

        var unitDocuments = Links(await LoadAsync($"/atom/don-vi/{Unit}/van-ban", "application/atom+xml"));
        Assert.Contains(Absolute(_document), unitDocuments);
        Assert.All(unitDocuments, link => Assert.StartsWith($"{FeedSite.Origin}/{Unit}/van-ban/", link));
    }

    [Fact]
    public async Task A_field_feed_holds_only_posts_of_that_reform_field()
    {
        var feed = await LoadAsync($"/rss/linh-vuc/{Field}", "application/rss+xml");

        Assert.Contains(Absolute(_published), Links(feed));
        Assert.DoesNotContain(Absolute(_scheduled), Links(feed));
        Assert.DoesNotContain(Absolute(_document), Links(feed));
        Assert.All(feed.Items, item => Assert.Contains(item.Categories, c => c.Name == "Cải cách thể chế"));
        Assert.Equal("Lĩnh vực Cải cách thể chế – Cổng thông tin cải cách hành chính", feed.Title.Text);
    }

    [Theory]
    [InlineData("/rss/don-vi/khong-co-don-vi-nay")]
    [InlineData("/atom/khong-phai-loai-bai")]
    [InlineData("/rss/linh-vuc/khong-co-linh-vuc")]
    [InlineData("/rss/don-vi/" + Unit + "/khong-phai-loai-bai")]
    public async Task An_unknown_unit_kind_or_field_has_no_feed(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(path)).StatusCode);

    [Fact]
    public async Task A_new_publication_shows_in_a_feed_already_cached()
    {
        Assert.DoesNotContain("tin-moi-sau-bo-nho-dem", await _client.GetStringAsync("/rss/don-vi/" + OtherUnit));

        var path = await _site.AddPostAsync(OtherUnit, PostKind.Article, "tin-moi-sau-bo-nho-dem", "Tin mới sau khi nguồn cấp đã lưu đệm",
            PostStatus.Published, DateTime.UtcNow.AddMinutes(-1));

        Assert.Contains(Absolute(path), Links(await LoadAsync("/rss/don-vi/" + OtherUnit, "application/rss+xml")));
    }
}
