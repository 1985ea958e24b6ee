using System.Net;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Http;

/// <summary>
/// An uncached public page costs a bounded number of SQL statements, whatever it lists: the post page reads its post in
/// one projection (no Includes, no second lookup). The output cache is bypassed as any request with credentials bypasses
/// it, and the directory of units and other per-process caches are warmed first, as on a running site.
/// </summary>
public sealed class QueryCountTests(SqlCountingSite site) : IClassFixture<SqlCountingSite>
{
    private const string Unit = SeedFacts.Units.SoGddtSocTrang;

    private async Task<int> StatementsOfAsync(string url)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(SqlCountingSite.Header, id);
        request.Headers.Add("Authorization", "Bearer bo-qua-bo-dem");
        using var response = await site.CreateClient().SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        Assert.Null(response.Headers.ETag);
        await response.Content.ReadAsStringAsync();
        return site.CountOf(id);
    }

    private Task<string> ArticleAsync() => site.WithDbAsync(async db =>
    {
        var post = await db.Posts.Where(p => p.Status == PostStatus.Published && p.Kind == PostKind.Article && p.Unit.Slug == Unit
                                             && p.Attachments.Any() == false)
            .OrderByDescending(p => p.PublishAt).Select(p => new { Unit = p.Unit.Slug, p.Slug }).FirstAsync();
        return PostKindSegments.PostUrl(post.Unit, PostKind.Article, post.Slug);
    });

    [Theory]
    [InlineData("home", 8)]
    [InlineData("unit", 11)]
    [InlineData("list", 3)]
    [InlineData("post", 2)]
    public async Task An_uncached_page_sends_a_bounded_number_of_sql_statements(string page, int bound)
    {
        var url = page switch
        {
            "home" => "/",
            "unit" => $"/{Unit}",
            "list" => $"/{Unit}/tin-tuc",
            _ => await ArticleAsync(),
        };
        await StatementsOfAsync(url);
        var statements = await StatementsOfAsync(url);
        Assert.True(statements <= bound, $"{url} sent {statements} SQL statements; the bound is {bound}.");
    }
}
