namespace CchcSite.Content.Videos;

/// <summary>How videos are transcoded. Bound from the "Video" configuration section.</summary>
public sealed class VideoOptions
{
    public const string Section = "Video";

    /// <summary>The ffmpeg and ffprobe programs (Debian's, on the path, unless configured).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Encoder threads; 1 keeps the other core of a 2-core server serving pages while a video is transcoded.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>The heights made, largest first; a source is never upscaled, so a smaller one gets fewer.</summary>
    public int[] Heights { get; set; } = [720, 360];

    /// <summary>A running job whose heartbeat is older than this was left by a process that stopped, and is taken again.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The services whose videos editors may embed in a post (YouTube, Facebook); set in appsettings.json. Empty allows
    /// none, and a page whose stored video is from a service no longer listed shows only a link to it.
    /// </summary>
    public EmbedProvider[] EmbedProviders { get; set; } = [];

    /// <summary>Attempts before a job stays failed until an editor retries it.</summary>
    public int MaxAttempts { get; set; } = 3;
}
