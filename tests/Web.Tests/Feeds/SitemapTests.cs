using System.Net;
using System.Xml.Linq;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Feeds;

/// <summary>The sitemap and robots.txt, on a site whose sitemap files hold <see cref="FeedSite.SitemapPageSize"/> addresses each.</summary>
public sealed class SitemapTests(FeedSite site) : IClassFixture<FeedSite>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _client = site.CreateClient();

    private async Task<XDocument> LoadAsync(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every address of the sitemap, read through its index, with the lastmod of each.</summary>
    private async Task<List<(string Loc, string? LastMod)>> AllAddressesAsync()
    {
        var index = await LoadAsync("/sitemap.xml");
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value).ToList();
        Assert.True(files.Count > 1, "the seed alone is past one file of this site's sitemap");
        Assert.Equal(Enumerable.Range(1, files.Count).Select(n => $"{FeedSite.Origin}/sitemap/{n}.xml"), files);

        var addresses = new List<(string, string?)>();
        foreach (var file in files)
        {
            var urlset = await LoadAsync(new Uri(file).AbsolutePath);
            Assert.Equal(Ns + "urlset", urlset.Root!.Name);
            var urls = urlset.Root.Elements(Ns + "url").ToList();
            Assert.InRange(urls.Count, 1, FeedSite.SitemapPageSize);
            addresses.AddRange(urls.Select(u => (u.Element(Ns + "loc")!.Value, u.Element(Ns + "lastmod")?.Value)));
        }
        return addresses;
    }

    [Fact]
    public async Task The_sitemap_index_lists_every_public_post_once_and_no_draft_or_scheduled_post()
    {
        var samples = await site.SamplesAsync();
        var addresses = await AllAddressesAsync();
        var locs = addresses.Select(a => a.Loc).ToList();

        Assert.Equal(locs.Count, locs.Distinct().Count());
        foreach (var post in await FeedSite.VisiblePostPathsAsync(site))
            Assert.Contains(FeedSite.Origin + post, locs);
        Assert.Contains(FeedSite.Origin + samples.Published, locs);
        Assert.DoesNotContain(FeedSite.Origin + samples.Draft, locs);
        Assert.DoesNotContain(FeedSite.Origin + samples.Scheduled, locs);
        Assert.All(locs, loc => Assert.StartsWith(FeedSite.Origin + "/", loc));
    }

    [Fact]
    public async Task The_sitemap_lists_home_units_their_tabs_fields_and_questions_each_with_its_last_change()
    {
        await site.SamplesAsync();
        var addresses = await AllAddressesAsync();
        var locs = addresses.Select(a => a.Loc).ToList();

        foreach (var path in new[] { "/", "/linh-vuc", $"/linh-vuc/{FeedSite.Field}", "/hoi-dap", $"/{FeedSite.Unit}", $"/{FeedSite.Unit}/tin-tuc",
                     $"/{FeedSite.Unit}/van-ban", $"/{FeedSite.Unit}/hoi-dap", $"/{FeedSite.OtherUnit}" })
            Assert.Contains(FeedSite.Origin + path, locs);
        var questionIds = await site.WithDbAsync(db => Task.FromResult(db.Submissions
            .Where(s => s.Kind == Content.Questions.SubmissionKind.Question && s.Status == Content.Questions.SubmissionStatus.Published)
            .Select(s => s.Id).ToList()));
        Assert.NotEmpty(questionIds);
        Assert.All(questionIds, id => Assert.Contains($"{FeedSite.Origin}/hoi-dap/{id}", locs));
        // Every tag a visible post carries has its page, and only those.
        var tags = await site.WithDbAsync(db => db.Posts.VisibleAt(DateTime.UtcNow).SelectMany(p => p.Tags, (p, t) => t.Slug).Distinct().ToListAsync());
        Assert.NotEmpty(tags);
        Assert.Equal(tags.Select(t => $"{FeedSite.Origin}/the/{t}").Order(StringComparer.Ordinal),
            locs.Where(l => l.StartsWith(FeedSite.Origin + "/the/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // Home, every post, question, field and unit tab is dated (only a unit with nothing published yet may not be).
        var dated = addresses.Where(a => new Uri(a.Loc).Segments.Length > 2 || a.Loc == FeedSite.Origin + "/");
        Assert.All(dated, a => Assert.True(DateTimeOffset.TryParse(a.LastMod, out _), $"{a.Loc} has lastmod '{a.LastMod}'"));
        Assert.All(addresses.Where(a => a.LastMod is not null), a => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", a.LastMod!));
        // The home page changed when the newest post appeared.
        var home = DateTimeOffset.Parse(addresses.Single(a => a.Loc == FeedSite.Origin + "/").LastMod!);
        Assert.True(home > DateTimeOffset.UtcNow.AddHours(-1), $"home lastmod {home} is older than the post added minutes ago");
    }

    [Fact]
    public async Task A_sitemap_file_past_the_last_one_is_not_found()
    {
        var files = (await LoadAsync("/sitemap.xml")).Root!.Elements(Ns + "sitemap").Count();
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/sitemap/{files + 1}.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sitemap/0.xml")).StatusCode);
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_editor_area()
    {
        var response = await _client.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();

        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /quan-tri", lines);
        Assert.Contains($"Sitemap: {FeedSite.Origin}/sitemap.xml", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }
}

/// <summary>On a site of ordinary size the sitemap is one file.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class SingleSitemapTests(SiteFactory site)
{
    [Fact]
    public async Task Below_the_limit_the_sitemap_is_one_urlset_with_every_public_post()
    {
        var client = site.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal(ns + "urlset", sitemap.Root!.Name);
        var locs = sitemap.Root.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();

        var posts = await FeedSite.VisiblePostPathsAsync(site);
        Assert.NotEmpty(posts);
        Assert.All(posts, post => Assert.Contains("http://localhost" + post, locs));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap/1.xml")).StatusCode);
    }
}
