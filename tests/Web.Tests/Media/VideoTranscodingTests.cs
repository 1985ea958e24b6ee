using System.Net;
using System.Text;
using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Videos;
using CchcSite.Web.Tests.Editor;
using CchcSite.Web.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Media;

/// <summary>An uploaded clip through the transcoding queue: renditions never upscaled, faststart, poster, metadata dropped, restart.</summary>
public sealed class VideoTranscodingTests(VideoSite site) : IClassFixture<VideoSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    private const string Library = "/quan-tri/thu-vien?don-vi=" + Unit;

    private Task<(HttpClient Browser, int AssetId)> UploadAsync(string user, string fileName, string clip) =>
        site.UploadAsync(Unit, user, fileName, clip);

    private Task<VideoTranscode> FinishedAsync(int assetId) => site.TranscodedAsync(assetId);

    [Fact]
    public async Task A_720p_clip_becomes_720p_and_360p_faststart_mp4s_with_a_poster_and_no_metadata()
    {
        var (browser, id) = await UploadAsync("cm-720", "clip-720.mp4", await TestVideos.Mp4Async(3, 1280, 720));

        var job = await FinishedAsync(id);

        Assert.True(job.State == TranscodeState.Done, job.Failure);
        Assert.Equal([720, 360], job.Renditions.Select(r => r.Height).OrderDescending());
        Assert.Equal([1280, 640], job.Renditions.OrderByDescending(r => r.Height).Select(r => r.Width));
        Assert.InRange(job.DurationSeconds!.Value, 2.5, 3.5);
        Assert.True(job.Speed > 0);
        Assert.NotNull(job.Poster);
        Assert.True(job.Poster!.IsImage);
        var store = site.Services.GetRequiredService<MediaStore>();
        foreach (var rendition in job.Renditions)
        {
            var path = store.FullPath(rendition.StoragePath);
            var probe = await TestVideos.ProbeAsync(path);
            Assert.Contains("\"codec_name\": \"h264\"", probe);
            Assert.Contains("\"codec_name\": \"aac\"", probe);
            Assert.DoesNotContain("\"location\"", probe);
            Assert.DoesNotContain("+21.0285", probe);
            Assert.DoesNotContain("iPhone", probe);
            Assert.DoesNotContain("Bộ phận một cửa", probe);
            // faststart: the index (moov) comes before the media data (mdat).
            var head = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path));
            Assert.True(head.IndexOf("moov", StringComparison.Ordinal) < head.IndexOf("mdat", StringComparison.Ordinal));
        }
        var library = await browser.GetStringAsync(Library);
        Assert.Contains("Đã chuyển mã: 720p, 360p", library);
    }

    [Fact]
    public async Task A_small_clip_is_never_upscaled()
    {
        var (_, id) = await UploadAsync("cm-nho", "clip-nho.mp4", await TestVideos.Mp4Async(2, 480, 270));
        var job = await FinishedAsync(id);
        Assert.True(job.State == TranscodeState.Done, job.Failure);
        Assert.Equal([270], job.Renditions.Select(r => r.Height));
    }

    [Fact]
    public async Task A_job_left_running_by_a_stopped_process_is_taken_again_and_finished()
    {
        var (_, id) = await UploadAsync("cm-dung", "clip-dung.mp4", await TestVideos.Mp4Async(2, 640, 360));
        await FinishedAsync(id);
        // As a process killed midway leaves it: running, a heartbeat long past, nothing made.
        await site.WithDbAsync(async db =>
        {
            var job = await db.Set<VideoTranscode>().Include(j => j.Renditions).SingleAsync(j => j.MediaAssetId == id);
            job.Renditions.Clear();
            job.State = TranscodeState.Running;
            job.Percent = 40;
            job.HeartbeatAt = DateTime.UtcNow.AddHours(-1);
            return await db.SaveChangesAsync();
        });
        // What the next start's first round, or the five-minute poll, does: the worker looks at the queue again.
        site.Services.GetRequiredService<VideoQueueWakeup>().Wake();

        var finished = await FinishedAsync(id);

        Assert.True(finished.State == TranscodeState.Done, finished.Failure);
        Assert.Equal([360], finished.Renditions.Select(r => r.Height));
        Assert.Equal(2, finished.Attempts);
    }

    [Fact]
    public async Task A_broken_video_fails_with_a_vietnamese_reason_and_can_be_retried()
    {
        var clip = await File.ReadAllBytesAsync(await TestVideos.Mp4Async(2, 640, 360));
        var broken = Path.Combine(site.DataDirectory, "hong.mp4");
        await File.WriteAllBytesAsync(broken, clip.AsSpan(0, 2000).ToArray());
        var (browser, id) = await UploadAsync("cm-hong", "hong.mp4", broken);

        var job = await FinishedAsync(id);

        Assert.Equal(TranscodeState.Failed, job.State);
        Assert.Contains("Không đọc được video", job.Failure);
        var library = await browser.GetStringAsync(Library);
        Assert.Contains("Không đọc được video", library);
        var token = EditorSite.AntiforgeryToken(library);
        var retry = await EditorSite.PostFormAsync(browser, $"/quan-tri/thu-vien/{id}/chuyen-ma-lai", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(1, (await FinishedAsync(id)).Attempts);
    }
}
