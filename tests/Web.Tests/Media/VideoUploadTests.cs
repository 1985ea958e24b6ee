using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Videos;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Media;

/// <summary>A site whose video limit is small, so "too large" needs no huge file.</summary>
public sealed class VideoSite : EditorSite
{
    public const long MaxVideoBytes = 3 * 1024 * 1024;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Media:MaxVideoBytes"] = MaxVideoBytes.ToString();
            return settings;
        }
    }

    /// <summary>A clip put in <paramref name="unit"/>'s library through the form by a new editor of it.</summary>
    public async Task<(HttpClient Browser, int AssetId)> UploadAsync(string unit, string user, string fileName, string clip)
    {
        await AddUserAsync($"{user}@cchc.test", (unit, UnitRole.Editor));
        var browser = await SignedInAsync($"{user}@cchc.test");
        var library = "/quan-tri/thu-vien?don-vi=" + unit;
        var token = AntiforgeryToken(await browser.GetStringAsync(library));
        var response = await browser.PostAsync(library, MediaSite.UploadForm(token, fileName, await File.ReadAllBytesAsync(clip), "Phóng sự CCHC"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await WithDbAsync(db => db.MediaAssets.Where(a => a.FileName == fileName).Select(a => a.Id).SingleAsync());
        return (browser, id);
    }

    /// <summary>The video's transcoding once done or failed, waited for (two minutes at most).</summary>
    public async Task<VideoTranscode> TranscodedAsync(int assetId)
    {
        for (var i = 0; i < 240; i++)
        {
            var job = await WithDbAsync(db => db.Set<VideoTranscode>().AsNoTracking().Include(j => j.Renditions).Include(j => j.Poster)
                .SingleAsync(j => j.MediaAssetId == assetId));
            if (job.State is TranscodeState.Done or TranscodeState.Failed)
                return job;
            await Task.Delay(500);
        }
        throw new TimeoutException("The video was not transcoded within two minutes.");
    }
}

/// <summary>Videos into the library: whole through the form, and in resumable parts through the upload endpoints.</summary>
public sealed class VideoUploadTests(VideoSite site) : IClassFixture<VideoSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    private const string Library = "/quan-tri/thu-vien?don-vi=" + Unit;
    private const string Uploads = "/quan-tri/thu-vien/tai-len?don-vi=" + Unit;

    private async Task<(HttpClient Browser, string Token)> EditorAsync(string name)
    {
        await site.AddUserAsync($"{name}@cchc.test", (Unit, UnitRole.Editor));
        var browser = await site.SignedInAsync($"{name}@cchc.test");
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync(Library));
        browser.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        return (browser, token);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient browser, string fileName, long length)
    {
        var response = await browser.PostAsJsonAsync(Uploads, new { fileName, length });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PartAsync(HttpClient browser, string url, long offset, ReadOnlyMemory<byte> bytes)
    {
        var content = new ReadOnlyMemoryContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return browser.PatchAsync($"{url}?offset={offset}", content);
    }

    /// <summary>What a ProblemDetails says: its detail and every field's messages.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.TryGetProperty("errors", out var fields)
            ? fields.EnumerateObject().SelectMany(f => f.Value.EnumerateArray().Select(m => m.GetString()))
            : [];
        return string.Join(" ", [problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null, .. errors]);
    }

    private string UploadFolder => site.Services.GetRequiredService<MediaStore>().UploadFolder;

    [Fact]
    public async Task An_mp4_sent_whole_through_the_form_is_taken_into_the_library()
    {
        var (browser, token) = await EditorAsync("vd-mau");
        var clip = await File.ReadAllBytesAsync(await TestVideos.Mp4Async());

        var response = await browser.PostAsync(Library, MediaSite.UploadForm(token, "Phóng sự một cửa.mp4", clip, "Phóng sự về Bộ phận một cửa"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Đã tải lên “phong-su-mot-cua.mp4”", await browser.GetStringAsync(Library));
        var asset = await site.WithDbAsync(db => db.MediaAssets.SingleAsync(a => a.FileName == "phong-su-mot-cua.mp4"));
        Assert.Equal(("video/mp4", clip.LongLength), (asset.ContentType, asset.Length));
        Assert.DoesNotContain(Directory.EnumerateFiles(UploadFolder, "*.part"), f => new FileInfo(f).Length == clip.Length);
    }

    [Fact]
    public async Task A_renamed_non_video_is_refused_at_its_first_part_and_removed()
    {
        var (browser, token) = await EditorAsync("vd-gia");
        var pdf = "%PDF-1.4\n"u8.ToArray().Concat(new byte[200]).ToArray();

        var form = await browser.PostAsync(Library, MediaSite.UploadForm(token, "video.mp4", pdf, null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
        Assert.Contains("Nội dung tệp không phải là video như đuôi &quot;.mp4&quot; cho biết", await form.Content.ReadAsStringAsync());

        var upload = await CreateAsync(browser, "video.mov", pdf.Length);
        var url = upload.GetProperty("url").GetString()!;
        var part = await PartAsync(browser, url, 0, pdf);
        Assert.Equal(HttpStatusCode.BadRequest, part.StatusCode);
        Assert.Contains("không phải là video", await ProblemAsync(part));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
        Assert.False(File.Exists(Path.Combine(UploadFolder, upload.GetProperty("id").GetGuid().ToString("N") + ".part")));
        Assert.Equal(0, await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.FileName == "video.mp4" || a.FileName == "video.mov")));
    }

    /// <summary>
    /// ApiProblems.From under MVC: the editor area's JSON endpoints are [ApiController] actions, whose problem writer once
    /// wrote a validation problem again from its status alone, without its messages.
    /// </summary>
    [Fact]
    public async Task Refused_input_is_a_validation_problem_with_its_vietnamese_messages_by_field()
    {
        var (browser, _) = await EditorAsync("vd-loi");

        var response = await browser.PostAsJsonAsync(Uploads, new { fileName = "bai-giang.avi", length = 1000 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tham số không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var messages = problem.GetProperty("errors").GetProperty("file").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.StartsWith("Không nhận tệp có đuôi \".avi\" ở đây.", Assert.Single(messages));
    }

    [Fact]
    public async Task An_oversized_video_is_refused_before_a_byte_is_written_and_a_longer_body_than_declared_is_cut_back()
    {
        var (browser, _) = await EditorAsync("vd-lon");
        var response = await browser.PostAsJsonAsync(Uploads, new { fileName = "dai.mp4", length = VideoSite.MaxVideoBytes + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Video quá lớn", await ProblemAsync(response));

        // Declared small, sent large: nothing past the declared size reaches the disk.
        var clip = await File.ReadAllBytesAsync(await TestVideos.Mp4Async());
        var upload = await CreateAsync(browser, "noi-doi.mp4", 1000);
        var url = upload.GetProperty("url").GetString()!;
        var part = await PartAsync(browser, url, 0, clip);
        Assert.Equal(HttpStatusCode.BadRequest, part.StatusCode);
        var status = await browser.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(0, status.GetProperty("offset").GetInt64());
        Assert.Equal(0, new FileInfo(Path.Combine(UploadFolder, upload.GetProperty("id").GetGuid().ToString("N") + ".part")).Length);
    }

    [Fact]
    public async Task A_dropped_upload_resumes_from_the_offset_the_server_holds()
    {
        var (browser, _) = await EditorAsync("vd-tiep");
        var clip = await File.ReadAllBytesAsync(await TestVideos.Mp4Async());
        var upload = await CreateAsync(browser, "Hội nghị.mp4", clip.Length);
        var url = upload.GetProperty("url").GetString()!;

        // The first part arrives; then the connection drops partway through the second, whose bytes so far are kept.
        Assert.Equal(HttpStatusCode.OK, (await PartAsync(browser, url, 0, clip.AsMemory(0, 40_000))).StatusCode);
        using (var dropped = new HttpRequestMessage(HttpMethod.Patch, $"{url}?offset=40000") { Content = new DroppingContent(clip.AsMemory(40_000, 30_000)) })
            await Assert.ThrowsAnyAsync<Exception>(() => browser.SendAsync(dropped));

        var status = await browser.GetFromJsonAsync<JsonElement>(url);
        var offset = status.GetProperty("offset").GetInt64();
        Assert.InRange(offset, 40_000, 70_000);
        // A part sent again from the wrong place is refused with the place to send from.
        Assert.Equal(HttpStatusCode.Conflict, (await PartAsync(browser, url, 0, clip.AsMemory(0, 10))).StatusCode);
        // Finishing early is refused; the rest from the server's offset completes it.
        Assert.Equal(HttpStatusCode.Conflict, (await browser.PostAsJsonAsync($"{url}/xong", new { altText = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PartAsync(browser, url, offset, clip.AsMemory((int)offset))).StatusCode);
        var finished = await browser.PostAsJsonAsync($"{url}/xong", new { altText = "Hội nghị triển khai CCHC" });
        Assert.Equal(HttpStatusCode.Created, finished.StatusCode);

        var asset = await site.WithDbAsync(db => db.MediaAssets.SingleAsync(a => a.FileName == "hoi-nghi.mp4"));
        var stored = await File.ReadAllBytesAsync(site.Services.GetRequiredService<MediaStore>().FullPath(asset));
        Assert.Equal(clip, stored);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Someone_else_cannot_continue_or_read_an_upload()
    {
        var (owner, _) = await EditorAsync("vd-chu");
        var (other, _) = await EditorAsync("vd-khac");
        var upload = await CreateAsync(owner, "rieng.mp4", 1000);
        var url = upload.GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PartAsync(other, url, 0, new byte[10])).StatusCode);
    }

    /// <summary>A body that sends some bytes, then fails as a dropped connection does.</summary>
    private sealed class DroppingContent(ReadOnlyMemory<byte> sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(sent);
            await stream.FlushAsync();
            throw new IOException("The connection dropped.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = sent.Length * 2;
            return true;
        }
    }
}
