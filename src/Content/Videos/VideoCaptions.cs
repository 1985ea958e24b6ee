using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Videos;

/// <summary>
/// Vietnamese captions for a video of the library: a WebVTT or SRT file checked and written again clean as WebVTT
/// (<see cref="WebVtt"/>, <see cref="Srt"/>),
/// kept in the video's unit library and named by its transcoding row, so every post that plays the video shows them and
/// search finds the post by what is said (the save re-indexes those posts, see <see cref="ContentChangeTracker"/>).
/// </summary>
public sealed class VideoCaptions(CchcDbContext db, MediaStore store, IOptions<MediaLimits> limits, TimeProvider clock)
{
    public const string Field = "Captions";

    public async Task<Outcome<MediaAsset>> AttachAsync(int videoId, string? fileName, Stream content, CancellationToken ct)
    {
        var job = await db.Set<VideoTranscode>().Include(j => j.MediaAsset).SingleOrDefaultAsync(j => j.MediaAssetId == videoId, ct);
        if (job is null)
            return new Outcome<MediaAsset>.NotFound("Tệp này không phải video trong thư viện.");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0)
            return new Outcome<MediaAsset>.Invalid(Field, "Vui lòng chọn tệp phụ đề WebVTT (.vtt) hoặc SRT (.srt).");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".vtt" or ".srt"))
            return new Outcome<MediaAsset>.Invalid(Field, "Tệp phụ đề phải là WebVTT (đuôi .vtt) hoặc SRT (đuôi .srt).");
        var max = limits.Value.MaxCaptionBytes;
        if (await MediaLibrary.ReadAtMostAsync(content, max, ct) is not { } bytes)
            return new Outcome<MediaAsset>.Invalid(Field, $"Tệp phụ đề quá lớn, tối đa {MediaLibrary.FormatSize(max)}.");
        var (cues, refusal) = extension == ".srt" ? Srt.Parse(bytes) : WebVtt.Parse(bytes);
        if (cues is null)
            return new Outcome<MediaAsset>.Invalid(Field, refusal!);

        var (path, length) = await store.SaveAsync(WebVtt.Write(cues), ".vtt", ct);
        var captions = new MediaAsset
        {
            UnitId = job.MediaAsset.UnitId, FileName = MediaLibrary.BaseName(name) + ".vtt", ContentType = "text/vtt", Length = length,
            StoragePath = path, AltText = $"Phụ đề tiếng Việt của video {job.MediaAsset.FileName}", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MediaAssets.Add(captions);
        job.Captions = captions;
        await db.SaveChangesAsync(ct);
        return new Outcome<MediaAsset>.Ok(captions);
    }
}
