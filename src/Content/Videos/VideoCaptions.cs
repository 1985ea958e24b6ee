using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Videos;

/// <summary>
/// The captions of a video of the library, one track per configured language (<see cref="VideoOptions.CaptionLanguages"/>):
/// a WebVTT or SRT file checked and written again clean as WebVTT (<see cref="WebVtt"/>, <see cref="Srt"/>), kept in the
/// video's unit library, so every post that plays the video shows them and search finds the post by what is said in any
/// language (the save re-indexes those posts, see <see cref="ContentChangeTracker"/>). A new file for a language replaces
/// the old one, whose file is removed: nothing else names a caption file, and the player must not offer two of a language.
/// </summary>
public sealed class VideoCaptions(CchcDbContext db, MediaStore store, MediaCleanup cleanup, AuditLog audit, IOptions<MediaLimits> limits,
    IOptions<VideoOptions> options, TimeProvider clock)
{
    public const string Field = "Captions";
    public const string LanguageField = "Language";

    public async Task<Outcome<VideoCaption>> AttachAsync(int videoId, string? language, string? fileName, Stream content, Actor actor, CancellationToken ct)
    {
        var video = await VideoAsync(videoId, ct);
        if (video is null)
            return new Outcome<VideoCaption>.NotFound("Tệp này không phải video trong thư viện.");
        if (options.Value.Language(language) is not { } chosen)
            return new Outcome<VideoCaption>.Invalid(LanguageField, $"Vui lòng chọn ngôn ngữ phụ đề trong danh sách: {LanguageList()}.");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0)
            return new Outcome<VideoCaption>.Invalid(Field, "Vui lòng chọn tệp phụ đề WebVTT (.vtt) hoặc SRT (.srt).");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".vtt" or ".srt"))
            return new Outcome<VideoCaption>.Invalid(Field, "Tệp phụ đề phải là WebVTT (đuôi .vtt) hoặc SRT (đuôi .srt).");
        var max = limits.Value.MaxCaptionBytes;
        if (await MediaLibrary.ReadAtMostAsync(content, max, ct) is not { } bytes)
            return new Outcome<VideoCaption>.Invalid(Field, $"Tệp phụ đề quá lớn, tối đa {MediaLibrary.FormatSize(max)}.");
        var (cues, refusal) = extension == ".srt" ? Srt.Parse(bytes) : WebVtt.Parse(bytes);
        if (cues is null)
            return new Outcome<VideoCaption>.Invalid(Field, refusal!);

        var (path, length) = await store.SaveAsync(WebVtt.Write(cues), ".vtt", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var file = new MediaAsset
        {
            UnitId = video.UnitId, FileName = MediaLibrary.BaseName(name) + ".vtt", ContentType = "text/vtt", Length = length,
            StoragePath = path, AltText = $"Phụ đề {chosen.Label} của video {video.FileName}", CreatedAt = now,
        };
        var replaced = await db.Set<VideoCaption>().Include(c => c.MediaAsset).SingleOrDefaultAsync(c => c.VideoId == videoId && c.Language == chosen.Code, ct);
        // Read before the save, which severs the removed rows' navigations.
        var replacedPath = replaced?.MediaAsset.StoragePath;
        if (replaced is not null)
        {
            db.MediaAssets.Remove(replaced.MediaAsset);
            db.Set<VideoCaption>().Remove(replaced);
        }
        var caption = new VideoCaption { VideoId = videoId, Language = chosen.Code, Label = chosen.Label, MediaAsset = file, CreatedAt = now };
        db.Set<VideoCaption>().Add(caption);
        audit.Record(actor, AuditActions.VideoCaptionsChanged,
            $"{(replaced is null ? "Gắn" : "Thay")} phụ đề {chosen.Label} “{file.FileName}” cho video “{video.FileName}”.", "video", videoId.ToString(), video.UnitId);
        await db.SaveChangesAsync(ct);
        if (replacedPath is not null)
            await cleanup.DeleteUnusedAsync([replacedPath], ct);
        return new Outcome<VideoCaption>.Ok(caption);
    }

    /// <summary>Takes a language's track off the video, its file with it.</summary>
    public async Task<Outcome<VideoCaption>> RemoveAsync(int videoId, string? language, Actor actor, CancellationToken ct)
    {
        var video = await VideoAsync(videoId, ct);
        if (video is null)
            return new Outcome<VideoCaption>.NotFound("Tệp này không phải video trong thư viện.");
        var caption = await db.Set<VideoCaption>().Include(c => c.MediaAsset).SingleOrDefaultAsync(c => c.VideoId == videoId && c.Language == language, ct);
        if (caption is null)
            return new Outcome<VideoCaption>.NotFound("Video này không có phụ đề bằng ngôn ngữ đó.");
        var path = caption.MediaAsset.StoragePath;
        audit.Record(actor, AuditActions.VideoCaptionsChanged, $"Gỡ phụ đề {caption.Label} “{caption.MediaAsset.FileName}” khỏi video “{video.FileName}”.",
            "video", videoId.ToString(), video.UnitId);
        db.MediaAssets.Remove(caption.MediaAsset);
        db.Set<VideoCaption>().Remove(caption);
        await db.SaveChangesAsync(ct);
        await cleanup.DeleteUnusedAsync([path], ct);
        return new Outcome<VideoCaption>.Ok(caption);
    }

    /// <summary>The library video <paramref name="videoId"/>: a file with a transcoding row.</summary>
    private Task<MediaAsset?> VideoAsync(int videoId, CancellationToken ct) =>
        db.Set<VideoTranscode>().Where(j => j.MediaAssetId == videoId).Select(j => j.MediaAsset).SingleOrDefaultAsync(ct);

    private string LanguageList() => string.Join(", ", options.Value.Languages.Select(l => l.Label));
}
