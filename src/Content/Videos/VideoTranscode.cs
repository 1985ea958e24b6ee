using CchcSite.Content.Media;

namespace CchcSite.Content.Videos;

public enum TranscodeState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// The transcoding of one uploaded video, a row so that the queue outlives the process: a job left running by a process
/// that died is taken again after a restart. What it made: the renditions, the poster, the duration.
/// </summary>
public class VideoTranscode
{
    public int Id { get; set; }
    public int MediaAssetId { get; set; }
    public MediaAsset MediaAsset { get; set; } = null!;
    public TranscodeState State { get; set; }
    /// <summary>0–100, of the source's duration encoded so far.</summary>
    public int Percent { get; set; }
    public int Attempts { get; set; }
    /// <summary>Why the last attempt failed, in Vietnamese, for the editor.</summary>
    public string? Failure { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    /// <summary>When the progress was last saved while ffmpeg worked.</summary>
    public DateTime? HeartbeatAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public double? DurationSeconds { get; set; }
    /// <summary>Seconds of video encoded per second of work (× real time), for docs/perf.md and the editor's estimate.</summary>
    public double? Speed { get; set; }
    public int? PosterId { get; set; }
    public MediaAsset? Poster { get; set; }
    public List<VideoRendition> Renditions { get; set; } = [];
}

/// <summary>
/// One language's captions of a library video (WebVTT, written again clean by <see cref="WebVtt"/>): shown as a track and
/// searched wherever the video plays. One per video and language; a new file for the language replaces it.
/// </summary>
public class VideoCaption
{
    public int Id { get; set; }
    /// <summary>The video file of the library the captions are for.</summary>
    public int VideoId { get; set; }
    /// <summary>A code of <see cref="VideoOptions.CaptionLanguages"/>, e.g. "vi".</summary>
    public required string Language { get; set; }
    /// <summary>The language's name as the player's menu shows it, as configured when the file was attached.</summary>
    public required string Label { get; set; }
    public int MediaAssetId { get; set; }
    public MediaAsset MediaAsset { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
}

/// <summary>An H.264/AAC MP4 of the video at one height, with its index at the front (faststart) so playback starts at once.</summary>
public class VideoRendition
{
    public int Id { get; set; }
    public int VideoTranscodeId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Length { get; set; }
    public required string FileName { get; set; }
    public required string StoragePath { get; set; }
}
