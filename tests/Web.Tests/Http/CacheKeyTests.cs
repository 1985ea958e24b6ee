using System.Net;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Http;

/// <summary>
/// What a cached page is keyed by, and what drops it. A title changed behind the site's back (a bulk update, which no
/// save sees) shows whether an answer came from the cache: the cached page still has the old title.
/// </summary>
public sealed class CacheKeyTests(EditorSite site) : IClassFixture<EditorSite>
{
    private readonly HttpClient _citizen = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private sealed record Live(int Id, string Title, string Url);

    private Task<Live> NewestArticleAsync(string? unit = null) => site.WithDbAsync(async db =>
    {
        var post = await db.Posts
            .Where(p => p.Status == PostStatus.Published && p.PublishAt <= DateTime.UtcNow && p.Kind == PostKind.Article)
            .Where(p => unit == null || p.Unit.Slug == unit)
            .OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, Unit = p.Unit.Slug, p.Slug }).FirstAsync();
        return new Live(post.Id, post.Title, PostKindSegments.PostUrl(post.Unit, PostKind.Article, post.Slug));
    });

    private Task RetitleBehindTheCacheAsync(int id, string title) =>
        site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, title)));

    private async Task<string> PageAsync(string url)
    {
        var response = await _citizen.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Query_values_a_page_does_not_read_share_its_one_entry()
    {
        // The site's newest article: the home page shows it whatever its lead story is (the lead, or the first of the news).
        var newest = await NewestArticleAsync();
        var tab = newest.Url[..newest.Url.LastIndexOf('/')];
        var api = $"/api/v1/posts/{newest.Id}";
        foreach (var url in new[] { "/", newest.Url, tab, api })
            Assert.Contains(newest.Title, await PageAsync(url));

        await RetitleBehindTheCacheAsync(newest.Id, "Tiêu đề đổi ngầm, không được hiện");
        foreach (var url in new[] { "/?x=1", "/?trang=7", "/?utm_source=zalo&fbclid=abc", $"{newest.Url}?trang=3", $"{newest.Url}?q=bat-ky", $"{tab}?x=1", $"{tab}?sap-xep=cu", $"{tab}?trang=1", $"{tab}?trang=01", $"{tab}?trang=abc", $"{api}?x=1", $"{api}?page=2" })
        {
            var html = await PageAsync(url);
            Assert.Contains(newest.Title, html);
            Assert.DoesNotContain("Tiêu đề đổi ngầm", html);
        }
    }

    [Fact]
    public async Task The_search_words_of_the_question_column_are_part_of_its_key()
    {
        Assert.Contains(SeedFacts.Questions.LostDiplomaCopy, await PageAsync("/hoi-dap"));
        Assert.DoesNotContain(SeedFacts.Questions.LostDiplomaCopy, await PageAsync("/hoi-dap?q=khongcotukhoanaynhe"));
        Assert.Contains(SeedFacts.Questions.LostDiplomaCopy, await PageAsync("/hoi-dap"));
    }

    [Fact]
    public async Task Publishing_in_one_unit_keeps_another_units_pages_cached_and_refreshes_its_own()
    {
        var (ours, theirs) = (SeedFacts.Units.SoGddtSocTrang, SeedFacts.Units.SoLdtbxhBinhDinh);
        var published = await NewestArticleAsync(ours);
        var untouched = await NewestArticleAsync(theirs);
        Assert.Contains(untouched.Title, await PageAsync($"/{theirs}/tin-tuc"));
        Assert.Contains(untouched.Title, await PageAsync(untouched.Url));
        Assert.Contains(published.Title, await PageAsync($"/{ours}/tin-tuc"));
        var etag = (await _citizen.GetAsync($"/{ours}/tin-tuc")).Headers.ETag!.ToString();

        await RetitleBehindTheCacheAsync(untouched.Id, "Đổi ngầm ở đơn vị khác");
        var editor = await site.SignedInAsync(EditorSite.AdminEmail);
        await site.SaveLiveAndApproveAsync(editor, published.Id, "Tin đã sửa và duyệt lại");

        Assert.Contains(untouched.Title, await PageAsync($"/{theirs}/tin-tuc"));
        Assert.Contains(untouched.Title, await PageAsync(untouched.Url));
        Assert.Contains("Tin đã sửa và duyệt lại", await PageAsync($"/{ours}/tin-tuc"));
        // The browser's copy of the changed tab is stale: its old tag gets the new page, with a new tag.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/{ours}/tin-tuc");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var fresh = await _citizen.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag?.ToString());
    }
}
