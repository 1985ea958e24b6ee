using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>From the post form: library files attached to any kind of post, and a library video chosen for a video post.</summary>
public sealed class PostFilesTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = "so-gddt-soc-trang";
    private const string OtherUnit = "so-ldtbxh-binh-dinh";

    [Fact]
    public async Task An_article_carries_a_leaflet_from_the_library_listed_with_size_and_type_on_its_page_and_in_the_API()
    {
        var writer = await WriterAsync("to-roi@cchc.test");
        var leaflet = await AssetAsync(Unit, "to-roi-dich-vu-cong.pdf", "application/pdf", 250 * 1024);
        var video = await AssetAsync(Unit, "clip.mp4", "video/mp4", 5_000_000);

        var form = await writer.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}&loai=Article");
        Assert.Matches($"id=\"dinh-kem-{leaflet}\" name=\"AttachmentIds\"", form);
        // A video is no attachment: it is chosen as a video post's video.
        Assert.DoesNotMatch($"id=\"dinh-kem-{video}\"", form);

        var created = await SaveAsync(writer, new()
        {
            ["Kind"] = "Article", ["Title"] = "Phát tờ rơi hướng dẫn dịch vụ công", ["BodyMarkdown"] = "Tờ rơi đính kèm.",
            ["AttachmentIds"] = leaflet.ToString(), [$"AttachmentTitles[{leaflet}]"] = "Tờ rơi dịch vụ công trực tuyến",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var slug = await PublishAsync(id);

        var citizen = site.CreateClient();
        var html = await citizen.GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Article, slug));
        Assert.Matches($"<a class=\"button button--ghost downloads__link\" href=\"/tep/{leaflet}/to-roi-dich-vu-cong.pdf\" download>\\s*"
            + "<span class=\"downloads__title\">Tải về: Tờ rơi dịch vụ công trực tuyến</span>\\s*<span class=\"file-meta\">PDF, 250 KB</span>", html);
        using var api = JsonDocument.Parse(await citizen.GetStringAsync($"/api/v1/posts/{id}"));
        var attachment = api.RootElement.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal(("Tờ rơi dịch vụ công trực tuyến", $"/tep/{leaflet}/to-roi-dich-vu-cong.pdf", "to-roi-dich-vu-cong.pdf", "application/pdf", 250 * 1024L),
            (attachment.GetProperty("title").GetString(), attachment.GetProperty("url").GetString(), attachment.GetProperty("fileName").GetString(),
                attachment.GetProperty("contentType").GetString(), attachment.GetProperty("length").GetInt64()));
    }

    [Fact]
    public async Task A_video_post_plays_the_library_video_chosen_in_the_form()
    {
        var writer = await WriterAsync("chon-video@cchc.test");
        var clip = await AssetAsync(Unit, "phong-su-mot-cua.mp4", "video/mp4", 3_000_000);
        var form = await writer.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}&loai=Video");
        Assert.Matches($"<option value=\"{clip}\"[^>]*>[^<]*phong-su-mot-cua.mp4", form);

        var created = await SaveAsync(writer, new()
        {
            ["Kind"] = "Video", ["Title"] = "Phóng sự bộ phận một cửa", ["BodyMarkdown"] = "Phóng sự.", ["Video.FileId"] = clip.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(clip, await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Video!.FileId).SingleAsync()));
        Assert.Matches($"<option value=\"{clip}\" selected=\"selected\"[^>]*>", await writer.GetStringAsync($"/quan-tri/bai-viet/{id}"));

        var slug = await PublishAsync(id);
        var html = await site.CreateClient().GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, slug));
        // Until it is transcoded the uploaded file plays.
        Assert.Contains($"<source src=\"/tep/{clip}/phong-su-mot-cua.mp4\" type=\"video/mp4\">", html);
    }

    [Theory]
    [InlineData("Video.FileId", "Video phải là một video trong thư viện của đơn vị.")]
    [InlineData("AttachmentIds", "Tệp đính kèm phải là tệp (PDF, DOCX, XLSX) trong thư viện của đơn vị.")]
    public async Task A_file_of_another_unit_or_of_the_wrong_kind_is_refused_beside_its_field(string field, string message)
    {
        var writer = await WriterAsync($"sai-tep-{field.Length}@cchc.test");
        var others = await AssetAsync(OtherUnit, $"cua-don-vi-khac-{field.Length}.{(field == "AttachmentIds" ? "pdf" : "mp4")}",
            field == "AttachmentIds" ? "application/pdf" : "video/mp4", 1000);
        var wrongKind = await AssetAsync(Unit, $"sai-loai-{field.Length}.vtt", "text/vtt", 100);
        var posts = await site.WithDbAsync(db => db.Posts.CountAsync());

        foreach (var asset in new[] { others, wrongKind })
        {
            var refused = await SaveAsync(writer, new() { ["Kind"] = "Video", ["Title"] = "Video thử tệp", [field] = asset.ToString() });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }
        var both = await SaveAsync(writer, new()
        {
            ["Kind"] = "Video", ["Title"] = "Video hai nguồn", ["Video.FileId"] = (await AssetAsync(Unit, "hai-nguon.mp4", "video/mp4", 1000)).ToString(),
            ["Video.ExternalUrl"] = "https://youtu.be/dQw4w9WgXcQ",
        });
        Assert.Matches("id=\"Video_FileId-error\"[^>]*>Chọn một video trong thư viện hoặc dán địa chỉ video ở nơi khác, không chọn cả hai.<",
            await both.Content.ReadAsStringAsync());
        Assert.Equal(posts, await site.WithDbAsync(db => db.Posts.CountAsync()));
    }

    private Task<int> AssetAsync(string unit, string fileName, string contentType, long length) => site.WithDbAsync(async db =>
    {
        var asset = new MediaAsset
        {
            UnitId = (await db.Units.SingleAsync(u => u.Slug == unit)).Id, FileName = fileName, ContentType = contentType,
            StoragePath = $"x/{Guid.NewGuid():N}/{fileName}", Length = length, CreatedAt = DateTime.UtcNow,
        };
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync();
        return asset.Id;
    });

    private Task<string> PublishAsync(int id) => site.WithDbAsync(async db =>
    {
        var post = await db.Posts.SingleAsync(p => p.Id == id);
        post.Status = PostStatus.Published;
        post.PublishAt = DateTime.UtcNow.AddMinutes(-1);
        await db.SaveChangesAsync();
        return post.Slug;
    });

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
