using System.Net;
using System.Text.Json;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>
/// Public answers are cached, and a change made in the editor area drops exactly the answers that show it, once the
/// change has committed. A change written behind the site's back (a bulk update, which no save sees) proves that an
/// answer is served from the cache.
/// </summary>
public sealed class CachingTests(EditorSite site) : IClassFixture<EditorSite>
{
    private sealed record Live(int Id, string Title, string Url, string? ParentSlug);

    /// <summary>Published articles, newest first, with the slug of their unit's parent unit if it has one.</summary>
    private async Task<List<Live>> LiveArticlesAsync()
    {
        var rows = await site.WithDbAsync(db => db.Posts
            .Where(p => p.Status == PostStatus.Published && p.PublishAt <= DateTime.UtcNow && p.Kind == PostKind.Article)
            .OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, UnitSlug = p.Unit.Slug, p.Slug, ParentSlug = db.Units.Where(u => u.Id == p.Unit.ParentId).Select(u => u.Slug).FirstOrDefault() })
            .ToListAsync());
        return rows.Select(p => new Live(p.Id, p.Title, PostKindSegments.PostUrl(p.UnitSlug, PostKind.Article, p.Slug), p.ParentSlug)).ToList();
    }

    private Task RetitleBehindTheCacheAsync(int id, string title) =>
        site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, title)));

    private static async Task<string> ApiTitleAsync(HttpClient client, int id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/posts/{id}")).RootElement.GetProperty("card").GetProperty("title").GetString()!;

    [Fact]
    public async Task A_post_saved_in_the_editor_is_fresh_at_once_on_its_page_its_units_sections_and_the_api()
    {
        var post = (await LiveArticlesAsync()).Skip(1).First(p => p.ParentSlug is not null);
        var citizen = site.CreateClient();
        var parentTab = $"/{post.ParentSlug}/tin-tuc";
        Assert.Contains(post.Title, await citizen.GetStringAsync(post.Url));
        Assert.Contains(post.Title, await citizen.GetStringAsync(parentTab));
        Assert.Equal(post.Title, await ApiTitleAsync(citizen, post.Id));

        await RetitleBehindTheCacheAsync(post.Id, "Tiêu đề đổi ngầm");
        Assert.Contains(post.Title, await citizen.GetStringAsync(post.Url));
        Assert.Contains(post.Title, await citizen.GetStringAsync(parentTab));
        Assert.Equal(post.Title, await ApiTitleAsync(citizen, post.Id));

        var editor = await site.SignedInAsync(EditorSite.AdminEmail);
        await site.SaveLiveAndApproveAsync(editor, post.Id, "Tiêu đề sửa trong trang quản trị");

        Assert.Contains("Tiêu đề sửa trong trang quản trị", await citizen.GetStringAsync(post.Url));
        Assert.Contains("Tiêu đề sửa trong trang quản trị", await citizen.GetStringAsync(parentTab));
        Assert.Equal("Tiêu đề sửa trong trang quản trị", await ApiTitleAsync(citizen, post.Id));
    }

    [Fact]
    public async Task A_drafts_save_keeps_the_cached_home_page_and_a_published_posts_save_refreshes_it()
    {
        var newest = (await LiveArticlesAsync())[0];
        var citizen = site.CreateClient();
        Assert.Contains(newest.Title, await citizen.GetStringAsync("/"));
        await RetitleBehindTheCacheAsync(newest.Id, "Tiêu đề đổi ngầm trên trang chủ");
        Assert.Contains(newest.Title, await citizen.GetStringAsync("/"));

        var editor = await site.SignedInAsync(EditorSite.AdminEmail);
        var draft = await EditorSite.PostFormAsync(editor, "/quan-tri/bai-viet/moi", new Dictionary<string, string>
        {
            ["Unit"] = SeedFacts.Units.UbndPhuongThacMo, ["Kind"] = "Article", ["Title"] = "Bản nháp chưa ai thấy", ["BodyMarkdown"] = "Nháp.",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var draftId = int.Parse(draft.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await site.SavePostAsync(editor, draftId, "Bản nháp sửa lần hai")).StatusCode);

        var home = await citizen.GetStringAsync("/");
        Assert.Contains(newest.Title, home);
        Assert.DoesNotContain("Tiêu đề đổi ngầm trên trang chủ", home);

        await site.SaveLiveAndApproveAsync(editor, newest.Id, "Tin mới nhất, đã sửa");
        Assert.Contains("Tin mới nhất, đã sửa", await citizen.GetStringAsync("/"));
    }
}
