using System.Diagnostics;
using CchcSite.Content;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Videos;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CchcSite.Web.Tests.Media;

/// <summary>
/// The transcoding queue across a real crash: the site runs as a process of its own, is killed (SIGKILL, no shutdown)
/// while ffmpeg encodes, and is started again on the same data.
/// </summary>
public sealed class TranscodingKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_site_killed_while_ffmpeg_transcodes_takes_the_job_again_after_the_restart_and_finishes_it_once()
    {
        var directory = Directory.CreateTempSubdirectory("cchc-transcode-kill-").FullName;
        Process? site = null;
        try
        {
            // The database made and seeded by a first start, as after installation.
            using (var first = SiteFactory.OnDirectory(directory))
                first.CreateClient();
            await using var content = new ServiceCollection().AddLogging()
                .AddCchcContent(ContentDatabase.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(SiteFactory.DatabaseSettings(directory)).Build()))
                .BuildServiceProvider();
            // A clip long enough that ffmpeg is still encoding when the site is killed (a few seconds of work on one thread).
            var clip = await TestVideos.Mp4Async(20, 1280, 720);
            var media = Path.Combine(directory, "media");
            // The seed's own videos, there before the clip.
            var seeded = Videos(media);
            var (jobId, videoId) = await QueueAsync(content, media, clip);

            site = SiteProcess.Start(directory, new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
            var running = await WaitForAsync(content, jobId, j => j.State == TranscodeState.Running && j.Percent >= 5, TimeSpan.FromMinutes(2));
            Assert.True(running.Percent < 90, $"The clip was nearly transcoded ({running.Percent} %) before the kill; the test needs a longer clip.");
            site.Kill(); // SIGKILL: no graceful shutdown, no finally blocks, ffmpeg not told.
            await site.WaitForExitAsync();
            site.Dispose();
            var work = Path.Combine(new MediaStore(media).UploadFolder, $"chuyen-ma-{jobId}-");
            var left = FfmpegOf(work);
            output.WriteLine($"Killed at {running.Percent} %; ffmpeg processes of the job still running after the kill: {left.Count}.");

            site = SiteProcess.Start(directory, new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
            output.WriteLine("Restarted.");
            var done = await WaitForAsync(content, jobId, j => j.State is TranscodeState.Done or TranscodeState.Failed, TimeSpan.FromMinutes(6));

            Assert.True(done.State == TranscodeState.Done, done.Failure);
            Assert.Equal(2, done.Attempts);
            Assert.Equal(100, done.Percent);
            Assert.Equal([720, 360], done.Renditions.Select(r => r.Height).OrderDescending());
            Assert.NotNull(done.PosterId);
            var store = new MediaStore(media);
            foreach (var rendition in done.Renditions)
                Assert.Contains("\"codec_name\": \"h264\"", await TestVideos.ProbeAsync(store.FullPath(rendition.StoragePath)));
            // Made once: one poster, and no video files but the upload and its two renditions.
            Assert.Equal(1, await WithDbAsync(content, db => db.MediaAssets.CountAsync(a => a.ContentType == "image/jpeg" && a.FileName == "phong-su-dai-anh-dai-dien.jpg")));
            Assert.Equal(seeded.Append("clip/phong-su-dai.mp4").Concat(done.Renditions.Select(r => r.StoragePath)).Order(), Videos(media));
            // The killed attempt's ffmpeg and partial files are gone.
            Assert.Empty(FfmpegOf(work));
            Assert.Empty(Directory.EnumerateDirectories(store.UploadFolder, $"chuyen-ma-{jobId}-*"));
        }
        finally
        {
            if (site is { HasExited: false })
            {
                site.Kill();
                await site.WaitForExitAsync();
            }
            site?.Dispose();
            SiteFactory.DeleteDirectory(directory);
        }
    }

    /// <summary>Every video file under the media folder, partial ones in work folders included.</summary>
    private static List<string> Videos(string media) =>
        Directory.EnumerateFiles(media, "*.mp4", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(media, f)).Order().ToList();

    /// <summary>An uploaded video waiting in the queue, as the library leaves it; its file put where the site's media are.</summary>
    private static Task<(int JobId, int VideoId)> QueueAsync(IServiceProvider content, string media, string clip) => WithDbAsync(content, async db =>
    {
        Directory.CreateDirectory(Path.Combine(media, "clip"));
        File.Copy(clip, Path.Combine(media, "clip", "phong-su-dai.mp4"));
        var asset = new MediaAsset
        {
            UnitId = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(), FileName = "phong-su-dai.mp4", ContentType = "video/mp4",
            Length = new FileInfo(clip).Length, StoragePath = "clip/phong-su-dai.mp4", AltText = "Phóng sự dài", CreatedAt = DateTime.UtcNow,
        };
        var job = new VideoTranscode { MediaAsset = asset, State = TranscodeState.Queued, QueuedAt = DateTime.UtcNow };
        db.Set<VideoTranscode>().Add(job);
        await db.SaveChangesAsync();
        return (job.Id, asset.Id);
    });

    private async Task<VideoTranscode> WaitForAsync(IServiceProvider content, int jobId, Func<VideoTranscode, bool> condition, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var job = await WithDbAsync(content, db => db.Set<VideoTranscode>().AsNoTracking().Include(j => j.Renditions).SingleAsync(j => j.Id == jobId));
            if (condition(job))
                return job;
            if (waited.Elapsed > within)
                throw new TimeoutException($"The job stayed {job.State} at {job.Percent} % (attempt {job.Attempts}) for {within}.");
            await Task.Delay(200);
        }
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider content, Func<CchcDbContext, Task<T>> action)
    {
        await using var scope = content.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CchcDbContext>());
    }

    /// <summary>The ffmpeg processes working for the job: their command line names its work folders.</summary>
    private static List<int> FfmpegOf(string work) => Directory.EnumerateDirectories("/proc")
        .Select(folder => (Pid: int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0, Folder: folder))
        .Where(p => p.Pid > 0 && CommandLine(p.Folder).Contains(work, StringComparison.Ordinal))
        .Select(p => p.Pid).ToList();

    private static string CommandLine(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
