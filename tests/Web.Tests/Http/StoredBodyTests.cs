using CchcSite.Content.Posts;
using CchcSite.Content.Rendering;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Http;

/// <summary>
/// A post's body is rendered when it is saved and read as stored; a body an older renderer stored is rendered on read
/// until the refresh renders it again.
/// </summary>
public sealed class StoredBodyTests(EditorSite site) : IClassFixture<EditorSite>
{
    private sealed record Live(int Id, string Url, string Markdown);

    private Task<Live> ArticleAsync(int skip) => site.WithDbAsync(async db =>
    {
        var post = await db.Posts.Where(p => p.Status == PostStatus.Published && p.PublishAt <= DateTime.UtcNow && p.Kind == PostKind.Article)
            .OrderBy(p => p.Id).Skip(skip).Select(p => new { p.Id, Unit = p.Unit.Slug, p.Slug, p.BodyMarkdown }).FirstAsync();
        return new Live(post.Id, PostKindSegments.PostUrl(post.Unit, PostKind.Article, post.Slug), post.BodyMarkdown);
    });

    private Task<(string? Html, int Version)> StoredAsync(int id) => site.WithDbAsync(async db =>
    {
        var stored = await db.Posts.Where(p => p.Id == id).Select(p => new { p.BodyHtml, p.BodyHtmlVersion }).SingleAsync();
        return (stored.BodyHtml, stored.BodyHtmlVersion);
    });

    private Task StoreAsync(int id, string html, int version) =>
        site.WithDbAsync(db => db.Posts.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BodyHtml, html).SetProperty(p => p.BodyHtmlVersion, version)));

    /// <summary>Past the output cache, as a request with credentials is.</summary>
    private async Task<string> UncachedAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Authorization", "Bearer bo-qua-bo-dem");
        using var response = await site.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Every_seeded_post_and_a_post_saved_in_the_editor_has_its_body_rendered_by_the_current_renderer()
    {
        Assert.False(await site.WithDbAsync(db => db.Posts.AnyAsync(p => p.BodyHtmlVersion != MarkdownRenderer.Version || p.BodyHtml == null)));

        var post = await ArticleAsync(skip: 0);
        await site.SaveLiveAndApproveAsync(await site.SignedInAsync(EditorSite.AdminEmail), post.Id, "Tiêu đề có thân bài mới");

        var (html, version) = await StoredAsync(post.Id);
        Assert.Equal("<p>Nội dung đã cập nhật.</p>", html?.Trim());
        Assert.Equal(MarkdownRenderer.Version, version);
        Assert.Contains("Nội dung đã cập nhật.", await UncachedAsync(post.Url));
    }

    [Fact]
    public async Task A_page_shows_the_stored_body_and_renders_one_an_older_renderer_stored_until_the_refresh_renders_it_again()
    {
        var post = await ArticleAsync(skip: 1);
        await StoreAsync(post.Id, "<p>Thân bài đã lưu sẵn</p>", MarkdownRenderer.Version);
        Assert.Contains("Thân bài đã lưu sẵn", await UncachedAsync(post.Url));

        await StoreAsync(post.Id, "<p>Thân bài của bộ dựng cũ</p>", MarkdownRenderer.Version - 1);
        Assert.DoesNotContain("Thân bài của bộ dựng cũ", await UncachedAsync(post.Url));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var refreshed = await scope.ServiceProvider.GetRequiredService<StoredPostBodies>()
                .RefreshAsync(scope.ServiceProvider.GetRequiredService<Content.Data.CchcDbContext>(), CancellationToken.None);
            Assert.True(refreshed >= 1);
        }
        var expected = site.Services.GetRequiredService<MarkdownRenderer>().ToHtml(post.Markdown);
        Assert.Equal((expected, MarkdownRenderer.Version), await StoredAsync(post.Id));
    }
}
