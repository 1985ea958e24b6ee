using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>
/// A YouTube or Facebook video pasted into a video post: stored as its player's address, shown as a click-to-load player
/// whose page alone may frame that service, and given to the API as structured data; other hosts are refused.
/// </summary>
public sealed class VideoEmbedTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = "so-gddt-soc-trang";

    [Fact]
    public async Task A_pasted_YouTube_link_is_stored_as_its_nocookie_player_and_only_its_page_may_frame_that_host()
    {
        var writer = await WriterAsync("nhung@cchc.test");
        var created = await SaveAsync(writer, new()
        {
            ["Kind"] = "Video", ["Title"] = "Hướng dẫn nộp hồ sơ trực tuyến", ["BodyMarkdown"] = "Video của Sở.",
            ["Video.ExternalUrl"] = " https://youtu.be/dQw4w9WgXcQ?si=chia-se ",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var post = await site.WithDbAsync(async db =>
        {
            var stored = await db.Posts.Include(p => p.Video).SingleAsync(p => p.Id == id);
            stored.Status = PostStatus.Published;
            stored.PublishAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
            return (stored.Video!.ExternalUrl, stored.Slug);
        });
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", post.ExternalUrl);

        var citizen = site.CreateClient();
        var page = await citizen.GetAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, post.Slug));
        var html = await page.Content.ReadAsStringAsync();
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(["frame-src https://www.youtube-nocookie.com"], Directives(policy).Where(d => d.StartsWith("frame-src")));
        Assert.Contains("default-src 'self'", policy);
        // The player waits in a template (no request before the click) and is named for screen readers; a link stays.
        Assert.Matches("<template><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"Video: Hướng dẫn nộp hồ sơ trực tuyến\"", html);
        Assert.Equal(1, Regex.Count(html, "<iframe"));
        Assert.Contains("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener noreferrer\">Xem video “Hướng dẫn nộp hồ sơ trực tuyến” trên YouTube</a>", html);

        // Every other page keeps the strict policy: nothing may be framed.
        foreach (var other in new[] { "/", $"/{Unit}", PostKindSegments.PostUrl(Unit, PostKind.Video, post.Slug) + "/in" })
            Assert.DoesNotContain("frame-src", (await citizen.GetAsync(other)).Headers.GetValues("Content-Security-Policy").Single());

        using var api = JsonDocument.Parse(await citizen.GetStringAsync($"/api/v1/posts/{id}"));
        var embed = api.RootElement.GetProperty("video").GetProperty("embed");
        Assert.Equal(("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com"),
            (embed.GetProperty("provider").GetString(), embed.GetProperty("embedUrl").GetString(), embed.GetProperty("watchUrl").GetString(),
                embed.GetProperty("frameOrigin").GetString()));
        Assert.Equal(["embedUrl", "frameOrigin", "provider", "watchUrl"], embed.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task A_link_from_a_host_not_allowed_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var writer = await WriterAsync("vimeo@cchc.test");
        var before = await site.WithDbAsync(db => db.Posts.CountAsync());

        var refused = await SaveAsync(writer, new()
        {
            ["Kind"] = "Video", ["Title"] = "Video trên trang khác", ["Video.ExternalUrl"] = "https://vimeo.com/76979871",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("id=\"Video_ExternalUrl-error\"[^>]*>Không nhúng được video từ vimeo.com. Chỉ nhúng được video từ YouTube, Facebook.<",
            await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await site.WithDbAsync(db => db.Posts.CountAsync()));
    }

    private static IEnumerable<string> Directives(string policy) => policy.Split(';', StringSplitOptions.TrimEntries);

    private async Task<HttpClient> WriterAsync(string email)
    {
        await site.AddUserAsync(email, (Unit, UnitRole.Editor));
        return await site.SignedInAsync(email);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}");
        fields["Unit"] = Unit;
        fields["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(page);
        return await browser.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(fields));
    }
}
