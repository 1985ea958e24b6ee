using System.Text.RegularExpressions;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Http;

/// <summary>
/// Issue 26: every public page has exactly one &lt;h1&gt; (screen readers and search engines take it as the page's
/// name): every route of <see cref="PublicRoutes"/>, a post of each kind with its print view, and each public section.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed partial class OneHeadingTests(SiteFactory site)
{
    [Fact]
    public async Task Every_public_page_has_exactly_one_h1()
    {
        var client = site.CreateClient();
        var unit = SeedFacts.Units.SoGddtSocTrang;
        var posts = await site.WithDbAsync(db => db.Posts
            .Where(p => p.Status == PostStatus.Published && p.PublishAt < DateTime.UtcNow)
            .GroupBy(p => p.Kind).Select(g => g.OrderBy(p => p.Id).Select(p => new { p.Kind, Unit = p.Unit.Slug, p.Slug }).First()).ToListAsync());
        var tag = await site.WithDbAsync(db => db.Posts.Where(p => p.Status == PostStatus.Published && p.PublishAt < DateTime.UtcNow)
            .SelectMany(p => p.Tags).Select(t => t.Slug).FirstAsync());
        var urls = (await PublicRoutes.AllAsync(site, client))
            .Concat(posts.SelectMany(p => new[] { PostKindSegments.PostUrl(p.Unit, p.Kind, p.Slug), PostKindSegments.PostUrl(p.Unit, p.Kind, p.Slug) + "/in" }))
            .Concat(PostKindSegments.All.Select(tab => $"/{unit}/{tab.Segment}"))
            .Concat([
                $"/{unit}/gioi-thieu", $"/{unit}/en", $"/{unit}/hoi-dap", $"/{unit}/ke-hoach", $"/{unit}/ban-tin", "/lien-he", "/van-ban",
                "/ban-tin", "/hoi-thi", "/khao-sat", "/thu-tuc-hanh-chinh", "/chi-so", $"/the/{tag}", "/dang-ky-nhan-tin",
            ])
            .Distinct().ToList();

        var checkedPages = 0;
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(Heading().Count(html) == 1, $"{url} ({(int)response.StatusCode}) has {Heading().Count(html)} h1 elements");
            checkedPages++;
        }
        Assert.True(checkedPages >= 40, $"Only {checkedPages} pages were checked.");
    }

    [GeneratedRegex(@"<h1[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();
}
