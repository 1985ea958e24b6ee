using System.Net;
using System.Net.Http.Json;
using System.Text;
using CchcSite.Content.Media;
using CchcSite.Content.Videos;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>
/// The video endpoints of the library × every kind of user: starting a resumable upload, retrying a failed transcoding,
/// attaching and removing captions, reading a transcoding's progress (the post form's video choice), uploading from the post form's
/// dialog (the library's upload answering JSON). All are the library's right, Upload (editors and approvers of the unit, administrators); a
/// refused cell changes nothing.
/// </summary>
public sealed class VideoAuthorizationMatrixTests(VideoSite site) : IClassFixture<VideoSite>
{
    private const string Unit = AuthorizationMatrix.Unit;

    public enum Endpoint { StartUpload, RetryTranscoding, AttachCaptions, RemoveCaptions, TranscodingProgress, UploadFromPostForm }

    private static readonly Who[] MayUpload = [Who.Administrator, Who.Editor, Who.Approver];

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private sealed record State(int Uploads, DateTime QueuedAt, string Captions, int CaptionFiles, int Images, int Audited);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refused_one_changes_nothing(Endpoint endpoint, Who who)
    {
        var name = $"video-{endpoint}-{who}".ToLowerInvariant();
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, name);
        var video = await FailedVideoAsync(name);
        var before = await StateAsync(video);
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap"));

        var response = endpoint switch
        {
            Endpoint.StartUpload => await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/quan-tri/thu-vien/tai-len?don-vi={Unit}")
            {
                Content = JsonContent.Create(new { fileName = $"{name}.mp4", length = 1000 }), Headers = { { "RequestVerificationToken", token } },
            }),
            Endpoint.RetryTranscoding => await browser.PostAsync($"/quan-tri/thu-vien/{video}/chuyen-ma-lai",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })),
            Endpoint.TranscodingProgress => await browser.GetAsync($"/quan-tri/thu-vien/{video}/chuyen-ma"),
            Endpoint.RemoveCaptions => await browser.PostAsync($"/quan-tri/thu-vien/{video}/phu-de/go",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Language"] = "en" })),
            Endpoint.UploadFromPostForm => await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/quan-tri/thu-vien?don-vi={Unit}")
            {
                Content = MediaSite.UploadForm(token, $"{name}.jpg", MediaSite.Jpeg(), "Ảnh tải lên từ biểu mẫu bài viết"),
                Headers = { { "Accept", "application/json" } },
            }),
            _ => await browser.PostAsync($"/quan-tri/thu-vien/{video}/phu-de", CaptionsForm(token)),
        };
        var after = await StateAsync(video);

        var allowed = MayUpload.Contains(who);
        var happened = endpoint switch
        {
            Endpoint.StartUpload => after == before with { Uploads = before.Uploads + 1 },
            Endpoint.RetryTranscoding => after == before with { QueuedAt = after.QueuedAt } && after.QueuedAt > before.QueuedAt,
            Endpoint.TranscodingProgress => response.StatusCode == HttpStatusCode.OK && after == before
                && (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["text"].ToString() == "Lỗi chuyển mã: Không đọc được video.",
            Endpoint.UploadFromPostForm => after == before with { Images = before.Images + 1 },
            Endpoint.RemoveCaptions => after == before with { Captions = "", CaptionFiles = before.CaptionFiles - 1, Audited = before.Audited + 1 },
            _ => after == before with { Captions = "en vi", CaptionFiles = before.CaptionFiles + 1, Audited = before.Audited + 1 },
        };
        Assert.Equal(allowed, happened);
        if (!allowed)
            Assert.Equal(before, after);
        if (endpoint == Endpoint.StartUpload)
            Assert.Equal(who == Who.Anonymous ? HttpStatusCode.Unauthorized : allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, response.StatusCode);
        // The library's form page answers the dialog's script in JSON once signed in; a stranger is sent to sign in.
        else if (endpoint == Endpoint.UploadFromPostForm && who != Who.Anonymous)
            Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, response.StatusCode);
        else
            Assert.Equal(who == Who.Anonymous ? Outcome.Login : allowed ? Outcome.Allowed : Outcome.Forbidden,
                AuthorizationMatrix.Classify(response, "/quan-tri/thu-vien?don-vi="));
    }

    private static MultipartFormDataContent CaptionsForm(string token)
    {
        var form = MediaSite.UploadForm(token, "phu-de.vtt", Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n"), null);
        form.Add(new StringContent("vi"), "Language");
        return form;
    }

    /// <summary>A video of the unit's library whose transcoding failed, with English captions, its own for this case.</summary>
    private Task<int> FailedVideoAsync(string name) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == Unit).Select(u => u.Id).SingleAsync();
        var asset = new MediaAsset
        {
            UnitId = unitId, FileName = $"{name}.mp4", ContentType = "video/mp4", Length = 1000, StoragePath = $"khong-co/{name}.mp4",
            CreatedAt = DateTime.UtcNow,
        };
        db.MediaAssets.Add(asset);
        db.Set<VideoTranscode>().Add(new VideoTranscode
        {
            MediaAsset = asset, State = TranscodeState.Failed, Attempts = 3, Failure = "Không đọc được video.", QueuedAt = DateTime.UtcNow.AddHours(-1),
        });
        await db.SaveChangesAsync();
        db.Set<VideoCaption>().Add(new VideoCaption
        {
            VideoId = asset.Id, Language = "en", Label = "English", CreatedAt = DateTime.UtcNow,
            MediaAsset = new MediaAsset
            {
                UnitId = unitId, FileName = $"{name}-en.vtt", ContentType = "text/vtt", Length = 40, StoragePath = $"khong-co/{name}-en.vtt", CreatedAt = DateTime.UtcNow,
            },
        });
        await db.SaveChangesAsync();
        return asset.Id;
    });

    private async Task<State> StateAsync(int video)
    {
        var uploads = Directory.Exists(UploadFolder) ? Directory.EnumerateFiles(UploadFolder, "*.part").Count() : 0;
        return await site.WithDbAsync(async db =>
        {
            var job = await db.Set<VideoTranscode>().AsNoTracking().SingleAsync(j => j.MediaAssetId == video);
            var captions = await db.Set<VideoCaption>().Where(c => c.VideoId == video).OrderBy(c => c.Language).Select(c => c.Language).ToListAsync();
            return new State(uploads, job.QueuedAt, string.Join(" ", captions), await db.MediaAssets.CountAsync(a => a.ContentType == "text/vtt"),
                await db.MediaAssets.CountAsync(a => a.AltText == "Ảnh tải lên từ biểu mẫu bài viết"),
                await db.AuditEntries.CountAsync(e => e.Action == Content.Audit.AuditActions.VideoCaptionsChanged));
        });
    }

    private string UploadFolder => site.Services.GetService(typeof(MediaStore)) is MediaStore store ? store.UploadFolder : "";
}
