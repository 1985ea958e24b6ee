using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Videos;

/// <summary>A video's transcoding as its editor sees it.</summary>
public sealed record TranscodeSummary(TranscodeState State, int Percent, string? Failure, double? DurationSeconds, IReadOnlyList<int> Heights,
    IReadOnlyList<CaptionFile> Captions)
{
    /// <summary>One Vietnamese line: waiting, how far, done with what, or why not.</summary>
    public string Describe() => State switch
    {
        TranscodeState.Queued => "Đang chờ chuyển mã.",
        TranscodeState.Running => $"Đang chuyển mã: {Percent} %.",
        TranscodeState.Done => $"Đã chuyển mã: {string.Join(", ", Heights.Select(h => $"{h}p"))}"
            + (DurationSeconds is { } d ? $" · {TimeSpan.FromSeconds(Math.Round(d)):m\\:ss}" : "") + ".",
        _ => $"Lỗi chuyển mã: {Failure}",
    };
}

/// <summary>One language's captions of a video as its editor sees them in the library.</summary>
public sealed record CaptionFile(string Language, string Label, string FileName);

/// <summary>Thrown with the Vietnamese reason a video cannot be transcoded, which the editor sees.</summary>
public sealed class TranscodeFailedException(string reason) : Exception(reason);

/// <summary>
/// The transcoding queue: takes the oldest waiting job (or one a stopped process left running) and makes, with ffmpeg,
/// an H.264/AAC MP4 with faststart at each configured height the source reaches, and a poster frame; every file is
/// written again, so no metadata of the recording (place, device) survives. One job at a time per call.
/// </summary>
public sealed class VideoTranscoding(CchcDbContext db, MediaStore store, MediaLibrary library, IOptions<VideoOptions> options, TimeProvider clock,
    ILogger<VideoTranscoding> logger)
{
    private VideoOptions Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Runs the next job, if any; false when the queue is empty. Called only by the holder of the transcoding node lock
    /// (the site's transcoding worker), so no other process is transcoding: a job found running was left by a process that
    /// stopped (killed, or the server restarted), and is taken again at once rather than after a wait for its heartbeat to age.
    /// </summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var job = await db.Set<VideoTranscode>().Include(j => j.MediaAsset)
            .Where(j => j.State == TranscodeState.Queued || j.State == TranscodeState.Running)
            .OrderByDescending(j => j.State == TranscodeState.Running).ThenBy(j => j.QueuedAt).ThenBy(j => j.Id).FirstOrDefaultAsync(ct);
        if (job is null)
            return false;
        StopLeftovers(job.Id);
        job.State = TranscodeState.Running;
        job.Attempts++;
        job.StartedAt = job.HeartbeatAt = Now;
        job.Percent = 0;
        job.Failure = null;
        await db.SaveChangesAsync(ct);
        // A folder per attempt: an ffmpeg a killed process left behind could never write into this attempt's files.
        var work = WorkFolder(job.Id) + job.Attempts.ToString(CultureInfo.InvariantCulture);
        try
        {
            Directory.CreateDirectory(work);
            await TranscodeAsync(job, work, ct);
            job.State = TranscodeState.Done;
            job.Percent = 100;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Transcoding video {AssetId} failed (attempt {Attempt}).", job.MediaAssetId, job.Attempts);
            db.ChangeTracker.Clear();
            job = await db.Set<VideoTranscode>().SingleAsync(j => j.Id == job.Id, CancellationToken.None);
            job.Failure = e is TranscodeFailedException ? e.Message : "Lỗi không mong đợi khi chuyển mã video; vui lòng thử lại hoặc báo quản trị hệ thống.";
            job.State = job.Attempts >= Options.MaxAttempts || e is TranscodeFailedException ? TranscodeState.Failed : TranscodeState.Queued;
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
        job.FinishedAt = Now;
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    private string WorkFolder(int jobId) => Path.Combine(store.UploadFolder, $"chuyen-ma-{jobId}-");

    /// <summary>
    /// What an earlier attempt of the job left when its process was killed: ffmpeg ignores the broken pipe to its dead
    /// parent and goes on encoding (a core of a 2-core server, for nothing), and its work folder with the partial files.
    /// The ffmpeg is found by the work folder its command line names (Linux's /proc; elsewhere only the folders go).
    /// </summary>
    private void StopLeftovers(int jobId)
    {
        var prefix = WorkFolder(jobId);
        if (Directory.Exists("/proc"))
        {
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
                    continue;
                try
                {
                    if (!File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(prefix, StringComparison.Ordinal))
                        continue;
                    using var leftover = Process.GetProcessById(pid);
                    logger.LogWarning("Stopping ffmpeg {Pid} left running by an earlier attempt of transcoding job {JobId}.", pid, jobId);
                    leftover.Kill();
                    leftover.WaitForExit(TimeSpan.FromSeconds(10));
                }
                // The process ended meanwhile, or belongs to another user.
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException
                                              or System.ComponentModel.Win32Exception)
                {
                }
            }
        }
        if (Directory.Exists(store.UploadFolder))
            foreach (var folder in Directory.EnumerateDirectories(store.UploadFolder, Path.GetFileName(prefix) + "*"))
                Directory.Delete(folder, recursive: true);
    }

    /// <summary>Where each of the videos among <paramref name="assetIds"/> stands, for the library page.</summary>
    public async Task<IReadOnlyDictionary<int, TranscodeSummary>> SummariesAsync(IReadOnlyCollection<int> assetIds, CancellationToken ct) =>
        (await db.Set<VideoTranscode>().AsNoTracking().Where(j => assetIds.Contains(j.MediaAssetId))
            .Select(j => new { j.MediaAssetId, j.State, j.Percent, j.Failure, j.DurationSeconds, Heights = j.Renditions.Select(r => r.Height).ToList(),
                Captions = db.Set<VideoCaption>().Where(c => c.VideoId == j.MediaAssetId)
                    .Select(c => new CaptionFile(c.Language, c.Label, c.MediaAsset.FileName)).ToList() })
            .ToListAsync(ct))
        .ToDictionary(j => j.MediaAssetId, j => new TranscodeSummary(j.State, j.Percent, j.Failure, j.DurationSeconds, j.Heights.OrderDescending().ToList(),
            j.Captions.OrderBy(c => c.Language != VideoOptions.Vietnamese).ThenBy(c => c.Label, StringComparer.Ordinal).ToList()));

    /// <summary>A failed job back in the queue, at an editor's request.</summary>
    public async Task<Outcome<VideoTranscode>> RetryAsync(int assetId, CancellationToken ct)
    {
        var job = await db.Set<VideoTranscode>().SingleOrDefaultAsync(j => j.MediaAssetId == assetId, ct);
        if (job is null)
            return new Outcome<VideoTranscode>.NotFound("Tệp này không phải video đang chuyển mã.");
        if (job.State != TranscodeState.Failed)
            return new Outcome<VideoTranscode>.Conflict("Video không ở trạng thái lỗi nên không cần chuyển mã lại.");
        job.State = TranscodeState.Queued;
        job.Attempts = 0;
        job.Percent = 0;
        job.QueuedAt = Now;
        await db.SaveChangesAsync(ct);
        return new Outcome<VideoTranscode>.Ok(job);
    }

    private async Task TranscodeAsync(VideoTranscode job, string work, CancellationToken ct)
    {
        var source = store.FullPath(job.MediaAsset);
        var (width, height, duration) = await ProbeAsync(source, ct);
        var heights = Options.Heights.Where(h => h <= height).Distinct().OrderDescending().ToList();
        if (heights.Count == 0)
            heights.Add(height - height % 2);

        var arguments = new List<string> { "-nostdin", "-y", "-loglevel", "error", "-i", source, "-filter_complex",
            heights.Count == 1 ? $"[0:v]scale=-2:{heights[0]}[o0]"
                : $"[0:v]split={heights.Count}{string.Concat(heights.Select((_, i) => $"[s{i}]"))};"
                  + string.Join(";", heights.Select((h, i) => $"[s{i}]scale=-2:{h}[o{i}]")) };
        var outputs = heights.Select(h => Path.Combine(work, $"{h}p.mp4")).ToList();
        for (var i = 0; i < heights.Count; i++)
            arguments.AddRange(["-map", $"[o{i}]", "-map", "0:a:0?", "-map_metadata", "-1", "-map_chapters", "-1",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-threads", Options.Threads.ToString(CultureInfo.InvariantCulture), "-movflags", "+faststart", outputs[i]]);
        arguments.AddRange(["-progress", "pipe:1", "-nostats"]);

        var started = Stopwatch.StartNew();
        var lastBeat = Stopwatch.StartNew();
        await RunAsync(Options.FfmpegPath, arguments, async line =>
        {
            if (!line.StartsWith("out_time_us=", StringComparison.Ordinal) || !long.TryParse(line[12..], out var micros) || duration <= 0)
                return;
            job.Percent = Math.Clamp((int)(micros / 10_000 / duration), 0, 99);
            if (lastBeat.Elapsed < TimeSpan.FromSeconds(2))
                return;
            lastBeat.Restart();
            job.HeartbeatAt = Now;
            await db.SaveChangesAsync(ct);
        }, ct);
        job.Speed = Math.Round(duration / Math.Max(started.Elapsed.TotalSeconds, 0.001), 2);
        job.DurationSeconds = Math.Round(duration, 2);

        var baseName = Path.GetFileNameWithoutExtension(job.MediaAsset.FileName);
        foreach (var (h, output) in heights.Zip(outputs))
        {
            var (w, _, _) = await ProbeAsync(output, ct);
            await using var file = File.OpenRead(output);
            var stored = await store.SaveAsync(file, ".mp4", ct);
            job.Renditions.Add(new VideoRendition { Width = w, Height = h, Length = stored.Length, FileName = $"{baseName}-{h}p.mp4", StoragePath = stored.StoragePath });
        }

        // A frame a little in, past a fade from black; re-encoded by the image pipeline like any uploaded image.
        var poster = Path.Combine(work, "poster.jpg");
        await RunAsync(Options.FfmpegPath, ["-nostdin", "-y", "-loglevel", "error", "-ss", Math.Min(1, duration / 3).ToString("0.###", CultureInfo.InvariantCulture),
            "-i", source, "-frames:v", "1", "-q:v", "2", poster], _ => Task.CompletedTask, ct);
        job.Poster = await library.AddImageAsync(job.MediaAsset.UnitId, $"{baseName}-anh-dai-dien.jpg", await File.ReadAllBytesAsync(poster, ct),
            FileSniffer.Jpeg, $"Ảnh đại diện của video {job.MediaAsset.AltText ?? baseName}", ct);
    }

    /// <summary>Width, height (as displayed: a phone's rotation applied) and duration in seconds of a video.</summary>
    private async Task<(int Width, int Height, double Duration)> ProbeAsync(string path, CancellationToken ct)
    {
        var json = new System.Text.StringBuilder();
        await RunAsync(Options.FfprobePath, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-select_streams", "v:0", path],
            line => { json.AppendLine(line); return Task.CompletedTask; }, ct);
        using var probe = JsonDocument.Parse(json.ToString());
        var streams = probe.RootElement.GetProperty("streams");
        if (streams.GetArrayLength() == 0)
            throw new TranscodeFailedException("Tệp không có hình ảnh video nào để chuyển mã.");
        var video = streams[0];
        int width = video.GetProperty("width").GetInt32(), height = video.GetProperty("height").GetInt32();
        var rotated = video.TryGetProperty("side_data_list", out var sides)
            && sides.EnumerateArray().Any(s => s.TryGetProperty("rotation", out var r) && Math.Abs(r.GetDouble()) % 180 == 90);
        var duration = probe.RootElement.GetProperty("format").TryGetProperty("duration", out var d)
            && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        return rotated ? (height, width, duration) : (width, height, duration);
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments, Func<string, Task> onLine, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new TranscodeFailedException("Máy chủ chưa cài ffmpeg nên chưa chuyển mã được video; vui lòng báo quản trị hệ thống.");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(ct);
            try
            {
                while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
                    await onLine(line);
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0)
                throw new TranscodeFailedException($"Không đọc được video: tệp bị hỏng hoặc dùng định dạng mã hoá không hỗ trợ ({FirstLine(await error)}).");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() is { Length: > 0 } line
        ? line.Length > 200 ? line[..200] : line
        : "ffmpeg không nói rõ lỗi";
}
