using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CchcSite.Content.Posts;
using CchcSite.Content.Videos;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>
/// A transcoded library video on its public page: the renditions, the poster and duration transcoding found, range
/// requests; captions attached in the library: checked, cleaned, shown as the track and searched with the post.
/// </summary>
public sealed class VideoPlayerTests(VideoSite site) : IClassFixture<VideoSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;

    private Task<int> AddVideoPostAsync(string slug, int fileId) => site.WithDbAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Slug == Unit);
        var post = new Post
        {
            UnitId = unit.Id, Kind = PostKind.Video, Slug = slug, Title = "Phóng sự một cửa điện tử", Status = PostStatus.Published,
            PublishAt = DateTime.UtcNow.AddMinutes(-1), BodyMarkdown = "Phóng sự về bộ phận một cửa.",
            Video = new VideoInfo { FileId = fileId }, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    [Fact]
    public async Task A_published_video_plays_its_720p_and_360p_renditions_with_poster_duration_and_range_requests()
    {
        var (_, id) = await site.UploadAsync(Unit, "phat-720", "phat-720.mp4", await TestVideos.Mp4Async(3, 1280, 720));
        var job = await site.TranscodedAsync(id);
        Assert.True(job.State == Content.Videos.TranscodeState.Done, job.Failure);
        var citizen = site.CreateClient();
        var rendition720 = $"/tep/{id}/720p/{job.Renditions.Single(r => r.Height == 720).FileName}";
        // Not used by any public post yet: not served.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(rendition720)).StatusCode);

        await AddVideoPostAsync("phong-su-mot-cua", id);
        var html = await citizen.GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, "phong-su-mot-cua"));

        var video = Regex.Match(html, "<video [^>]*>").Value;
        Assert.Contains("controls", video);
        Assert.Contains("preload=\"none\"", video);
        Assert.Contains("width=\"1280\" height=\"720\"", video);
        Assert.Contains("aria-label=\"Video: Phóng sự một cửa điện tử\"", video);
        var poster = Regex.Match(video, "poster=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal($"/tep/{job.Poster!.Id}/{job.Poster.FileName}", poster);
        var sources = Regex.Matches(html, "<source src=\"([^\"]+)\" type=\"video/mp4\"( media=\"[^\"]+\")?>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        var rendition360 = $"/tep/{id}/360p/{job.Renditions.Single(r => r.Height == 360).FileName}";
        Assert.Equal([(rendition360, " media=\"(max-width: 40rem)\""), (rendition720, ""), (rendition360, "")], sources);
        Assert.Contains("Thời lượng: 0:03", html);

        var poster200 = await citizen.GetAsync(poster);
        Assert.Equal(HttpStatusCode.OK, poster200.StatusCode);
        Assert.Equal("image/jpeg", poster200.Content.Headers.ContentType?.MediaType);

        var length = job.Renditions.Single(r => r.Height == 720).Length;
        var range = new HttpRequestMessage(HttpMethod.Get, rendition720) { Headers = { Range = new RangeHeaderValue(100, 1099) } };
        var part = await citizen.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("video/mp4", part.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bytes 100-1099/{length}", part.Content.Headers.ContentRange?.ToString());
        Assert.Equal(1000, (await part.Content.ReadAsByteArrayAsync()).Length);
        Assert.Contains("bytes", part.Headers.AcceptRanges);

        var whole = await citizen.GetAsync(rendition360);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(job.Renditions.Single(r => r.Height == 360).Length, (await whole.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/tep/{id}/1080p/{job.Renditions[0].FileName}")).StatusCode);
    }

    private const string Captions = "WEBVTT\n\nSTYLE\n::cue { background: url(https://example.com/theo-doi.png) }\n\n"
        + "00:00.000 --> 00:01.500\n<v Cán bộ>Mời bà con quét <b>mã định danh</b> tại quầy tiếp nhận</v>\n\n"
        + "00:01.500 --> 00:03.000\n<script>alert(1)</script>Hồ sơ được trả kết quả qua bưu điện\n";

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient browser, int videoId, string fileName, byte[] content)
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/thu-vien?don-vi=" + Unit));
        return await browser.PostAsync($"/quan-tri/thu-vien/{videoId}/phu-de", MediaSite.UploadForm(token, fileName, content, null));
    }

    [Fact]
    public async Task Captions_attached_in_the_library_are_cleaned_shown_as_the_track_and_found_by_search()
    {
        var (editor, id) = await site.UploadAsync(Unit, "phu-de", "phu-de.mp4", await TestVideos.Mp4Async(3, 640, 360));
        var postId = await AddVideoPostAsync("phong-su-ma-dinh-danh", id);

        var attached = await AttachAsync(editor, id, "Phụ đề một cửa.vtt", Encoding.UTF8.GetBytes(Captions));

        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var library = await editor.GetStringAsync("/quan-tri/thu-vien?don-vi=" + Unit);
        Assert.Contains("Phụ đề tiếng Việt: phu-de-mot-cua.vtt", library);
        var citizen = site.CreateClient();
        var html = await citizen.GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, "phong-su-ma-dinh-danh"));
        var track = Regex.Match(html, "<track kind=\"captions\" src=\"([^\"]+)\" srclang=\"vi\" label=\"Tiếng Việt\" default>");
        Assert.True(track.Success, "The page has no captions track.");
        var vtt = await citizen.GetAsync(track.Groups[1].Value);
        Assert.Equal("text/vtt", vtt.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WEBVTT\n\n00:00.000 --> 00:01.500\nMời bà con quét mã định danh tại quầy tiếp nhận\n\n"
            + "00:01.500 --> 00:03.000\nalert(1)Hồ sơ được trả kết quả qua bưu điện\n", await vtt.Content.ReadAsStringAsync());

        // Said only in the clip: the post is found by it once the attach has reached the index.
        var found = false;
        for (var attempt = 0; attempt < 100 && !found; attempt++)
        {
            var results = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("trả kết quả qua bưu điện"));
            found = results.GetProperty("hits").GetProperty("items").EnumerateArray().Any(h => h.GetProperty("post").GetProperty("id").GetInt32() == postId);
            if (!found)
                await Task.Delay(100);
        }
        Assert.True(found, "Search does not find the video post by what its captions say.");
    }

    [Fact]
    public async Task Srt_captions_are_stored_and_played_as_the_same_clean_webvtt()
    {
        var (editor, id) = await site.UploadAsync(Unit, "phu-de-srt", "phu-de-srt.mp4", await TestVideos.Mp4Async(2, 640, 360));
        await AddVideoPostAsync("phong-su-phu-de-srt", id);

        var attached = await AttachAsync(editor, id, "Phụ đề điện thoại.srt", Encoding.UTF8.GetBytes(
            "\uFEFF1\r\n00:00:00,000 --> 00:00:01,500\r\n{\\an8}<i>Mời bà con</i> quét mã định danh\r\n\r\n2\r\n0:00:01,5 --> 00:00:03,000\r\nTrả kết quả & thu phí\r\n"));

        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.Contains("Phụ đề tiếng Việt: phu-de-dien-thoai.vtt", await editor.GetStringAsync("/quan-tri/thu-vien?don-vi=" + Unit));
        var citizen = site.CreateClient();
        var html = await citizen.GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, "phong-su-phu-de-srt"));
        var track = Regex.Match(html, "<track kind=\"captions\" src=\"([^\"]+)\"").Groups[1].Value;
        Assert.EndsWith(".vtt", track);
        Assert.Equal("WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nMời bà con quét mã định danh\n\n00:00:01.500 --> 00:00:03.000\nTrả kết quả &amp; thu phí\n",
            await citizen.GetStringAsync(track));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "phu-de.txt", "1\n00:00:00,000 --> 00:00:01,000\nXin chào\n", "phải là WebVTT (đuôi .vtt) hoặc SRT (đuôi .srt)" },
        { "phu-de.srt", "1\n00:00:00,000 --> 00:00:01,000\nXin chào\n\n2\n00:00:01,000 -> 00:00:02,000\nHẹn gặp lại\n", "Dòng 6: cần số thứ tự hoặc mốc thời gian" },
        { "phu-de.vtt", "<html><body>Không phải phụ đề</body></html>", "dòng đầu tiên phải là “WEBVTT”" },
        { "phu-de.vtt", "WEBVTT\n\n" + string.Concat(Enumerable.Repeat("00:00.000 --> 00:01.000\nMột câu phụ đề rất dài cho đủ cỡ.\n\n", 12_000)), "Tệp phụ đề quá lớn, tối đa" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Captions_that_are_not_webvtt_or_too_large_are_refused_in_vietnamese_and_change_nothing(string fileName, string content, string reason)
    {
        var name = $"phu-de-sai-{Guid.NewGuid():N}"[..20];
        var (editor, id) = await site.UploadAsync(Unit, name, $"{name}.mp4", await TestVideos.Mp4Async(2, 640, 360));
        // Captions only: the clip's transcoding adds its poster meanwhile.
        var captionFiles = await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.ContentType == "text/vtt"));

        var response = await AttachAsync(editor, id, fileName, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(await site.WithDbAsync(db => db.Set<VideoTranscode>().Where(j => j.MediaAssetId == id).Select(j => j.CaptionsId).SingleAsync()));
        Assert.Equal(captionFiles, await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.ContentType == "text/vtt")));
    }
}
