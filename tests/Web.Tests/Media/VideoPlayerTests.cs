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

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient browser, int videoId, string fileName, byte[] content, string? language = "vi")
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/thu-vien?don-vi=" + Unit));
        var form = MediaSite.UploadForm(token, fileName, content, null);
        if (language is not null)
            form.Add(new StringContent(language), "Language");
        return await browser.PostAsync($"/quan-tri/thu-vien/{videoId}/phu-de", form);
    }

    /// <summary>The tracks of a page's player: language, label, address, and whether it plays by default.</summary>
    private static List<(string Language, string Label, string Url, bool Default)> Tracks(string html) =>
        Regex.Matches(html, "<track kind=\"subtitles\" srclang=\"([^\"]+)\" label=\"([^\"]+)\" src=\"([^\"]+)\"( default=\"default\")?>")
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value), m.Groups[3].Value, m.Groups[4].Success)).ToList();

    private Task<List<string>> LanguagesOfAsync(int videoId) => site.WithDbAsync(db =>
        db.Set<VideoCaption>().Where(c => c.VideoId == videoId).OrderBy(c => c.Language).Select(c => c.Language).ToListAsync());

    private async Task<bool> FoundAsync(HttpClient citizen, string words, int postId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var results = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(words));
            if (results.GetProperty("hits").GetProperty("items").EnumerateArray().Any(h => h.GetProperty("post").GetProperty("id").GetInt32() == postId))
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    [Fact]
    public async Task Captions_attached_in_the_library_are_cleaned_shown_as_the_track_and_found_by_search()
    {
        var (editor, id) = await site.UploadAsync(Unit, "phu-de", "phu-de.mp4", await TestVideos.Mp4Async(3, 640, 360));
        var postId = await AddVideoPostAsync("phong-su-ma-dinh-danh", id);

        var attached = await AttachAsync(editor, id, "Phụ đề một cửa.vtt", Encoding.UTF8.GetBytes(Captions));

        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var library = await editor.GetStringAsync("/quan-tri/thu-vien?don-vi=" + Unit);
        Assert.Contains("Phụ đề Tiếng Việt: phu-de-mot-cua.vtt", WebUtility.HtmlDecode(library));
        var citizen = site.CreateClient();
        var html = await citizen.GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, "phong-su-ma-dinh-danh"));
        var track = Assert.Single(Tracks(html));
        Assert.Equal(("vi", "Tiếng Việt", true), (track.Language, track.Label, track.Default));
        var vtt = await citizen.GetAsync(track.Url);
        Assert.Equal("text/vtt", vtt.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WEBVTT\n\n00:00.000 --> 00:01.500\nMời bà con quét mã định danh tại quầy tiếp nhận\n\n"
            + "00:01.500 --> 00:03.000\nalert(1)Hồ sơ được trả kết quả qua bưu điện\n", await vtt.Content.ReadAsStringAsync());

        // Said only in the clip: the post is found by it once the attach has reached the index.
        Assert.True(await FoundAsync(citizen, "trả kết quả qua bưu điện", postId), "Search does not find the video post by what its captions say.");
    }

    [Fact]
    public async Task Captions_in_two_languages_play_as_two_tracks_list_in_the_api_are_searched_in_english_and_replace_and_remove_by_language()
    {
        var (editor, id) = await site.UploadAsync(Unit, "phu-de-hai-thu-tieng", "phu-de-hai-thu-tieng.mp4", await TestVideos.Mp4Async(2, 640, 360));
        var postId = await AddVideoPostAsync("phong-su-hai-thu-tieng", id);
        var url = PostKindSegments.PostUrl(Unit, PostKind.Video, "phong-su-hai-thu-tieng");

        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(editor, id, "tieng-anh.vtt",
            Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:02.000\nCitizens collect their residence certificates by post\n"), "en")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(editor, id, "tieng-viet-cu.vtt",
            Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:02.000\nBản phụ đề đầu tiên\n"), "vi")).StatusCode);
        var first = await site.WithDbAsync(db => db.Set<VideoCaption>().Where(c => c.VideoId == id && c.Language == "vi").Select(c => c.MediaAssetId).SingleAsync());
        // A second file for Vietnamese replaces the first: one track per language, the old file gone from the library.
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(editor, id, "tieng-viet.vtt",
            Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:02.000\nNgười dân nhận giấy xác nhận cư trú qua bưu điện\n"), "vi")).StatusCode);
        Assert.Equal(["en", "vi"], await LanguagesOfAsync(id));
        Assert.False(await site.WithDbAsync(db => db.MediaAssets.AnyAsync(a => a.Id == first)));
        var library = WebUtility.HtmlDecode(await editor.GetStringAsync("/quan-tri/thu-vien?don-vi=" + Unit));
        Assert.Contains("Phụ đề Tiếng Việt: tieng-viet.vtt", library);
        Assert.Contains("Phụ đề English: tieng-anh.vtt", library);

        var citizen = site.CreateClient();
        var tracks = Tracks(await citizen.GetStringAsync(url));
        Assert.Equal([("vi", "Tiếng Việt", true), ("en", "English", false)], tracks.Select(t => (t.Language, t.Label, t.Default)));
        Assert.Contains("Người dân nhận giấy xác nhận cư trú", await citizen.GetStringAsync(tracks[0].Url));
        Assert.Contains("Citizens collect their residence certificates", await citizen.GetStringAsync(tracks[1].Url));
        var api = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}");
        var captions = api.GetProperty("video").GetProperty("captions").EnumerateArray()
            .Select(c => (c.GetProperty("language").GetString(), c.GetProperty("label").GetString(), c.GetProperty("url").GetString())).ToList();
        Assert.Equal(tracks.Select(t => ((string?)t.Language, (string?)t.Label, (string?)t.Url)), captions);
        Assert.False(api.GetProperty("video").TryGetProperty("captionsUrl", out _));
        Assert.True(await FoundAsync(citizen, "residence certificates", postId), "Search does not find the video post by its English captions.");
        Assert.True(await FoundAsync(citizen, "giấy xác nhận cư trú", postId), "Search does not find the video post by its Vietnamese captions.");

        var token = EditorSite.AntiforgeryToken(library);
        var removed = await editor.PostAsync($"/quan-tri/thu-vien/{id}/phu-de/go",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Language"] = "en" }));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["vi"], await LanguagesOfAsync(id));
        Assert.Equal(["vi"], Tracks(await citizen.GetStringAsync(url)).Select(t => t.Language));
        Assert.Contains(await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == Content.Audit.AuditActions.VideoCaptionsChanged)
            .Select(e => e.Summary).ToListAsync()), summary => summary.StartsWith("Gỡ phụ đề English “tieng-anh.vtt”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Captions_in_a_language_not_configured_are_refused_in_vietnamese_and_store_nothing(string? language)
    {
        var name = $"phu-de-ngon-ngu-{Guid.NewGuid():N}"[..24];
        var (editor, id) = await site.UploadAsync(Unit, name, $"{name}.mp4", await TestVideos.Mp4Async(2, 640, 360));
        var captionFiles = await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.ContentType == "text/vtt"));

        var response = await AttachAsync(editor, id, "phu-de.vtt", Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n"), language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng chọn ngôn ngữ phụ đề trong danh sách: Tiếng Việt, English.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await LanguagesOfAsync(id));
        Assert.Equal(captionFiles, await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.ContentType == "text/vtt")));
    }

    [Fact]
    public async Task Srt_captions_are_stored_and_played_as_the_same_clean_webvtt()
    {
        var (editor, id) = await site.UploadAsync(Unit, "phu-de-srt", "phu-de-srt.mp4", await TestVideos.Mp4Async(2, 640, 360));
        await AddVideoPostAsync("phong-su-phu-de-srt", id);

        var attached = await AttachAsync(editor, id, "Phụ đề điện thoại.srt", Encoding.UTF8.GetBytes(
            "\uFEFF1\r\n00:00:00,000 --> 00:00:01,500\r\n{\\an8}<i>Mời bà con</i> quét mã định danh\r\n\r\n2\r\n0:00:01,5 --> 00:00:03,000\r\nTrả kết quả & thu phí\r\n"));

        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.Contains("Phụ đề Tiếng Việt: phu-de-dien-thoai.vtt", WebUtility.HtmlDecode(await editor.GetStringAsync("/quan-tri/thu-vien?don-vi=" + Unit)));
        var citizen = site.CreateClient();
        var html = await citizen.GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, "phong-su-phu-de-srt"));
        var track = Assert.Single(Tracks(html)).Url;
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
        Assert.Empty(await LanguagesOfAsync(id));
        Assert.Equal(captionFiles, await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.ContentType == "text/vtt")));
    }
}
