using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Videos;

/// <summary>
/// What the public player plays of a library video: the renditions its transcoding made (largest first), with the
/// poster and duration it found when the editor gave none; the uploaded file itself until the transcoding is done.
/// </summary>
public sealed class VideoPlayback(CchcDbContext db)
{
    /// <summary><paramref name="video"/> with its sources, for the video file <paramref name="fileId"/>; one query.</summary>
    public async Task<VideoView> CompleteAsync(VideoView video, int fileId, CancellationToken ct)
    {
        // Renditions exist only once the transcoding is done; captions may come before.
        var done = await db.Set<VideoTranscode>().AsNoTracking()
            .Where(j => j.MediaAssetId == fileId)
            .Select(j => new
            {
                j.DurationSeconds,
                Poster = j.Poster == null ? null : MediaUrls.Prefix + "/" + j.Poster.Id + "/" + j.Poster.FileName,
                Captions = j.Captions == null ? null : MediaUrls.Prefix + "/" + j.Captions.Id + "/" + j.Captions.FileName,
                Renditions = j.Renditions.OrderByDescending(r => r.Height).Select(r => new { r.Height, r.Width, r.FileName }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (done?.Captions is not null)
            // The post's own captions first: the editor chose them for this post.
            video = video with { CaptionsUrl = video.CaptionsUrl ?? done.Captions };
        if (done is null || done.Renditions.Count == 0)
            return video.FileUrl is null ? video : video with { Sources = [new VideoSource(video.FileUrl, video.FileContentType ?? "video/mp4", null, null)] };
        return video with
        {
            Sources = done.Renditions.Select(r => new VideoSource(MediaUrls.For(fileId, r.Height, r.FileName), "video/mp4", r.Width, r.Height)).ToList(),
            PosterUrl = video.PosterUrl ?? done.Poster,
            DurationSeconds = video.DurationSeconds ?? (done.DurationSeconds is { } seconds ? (int)Math.Round(seconds) : null),
        };
    }

    /// <summary>
    /// The cards with the poster and length the transcoding found for each library video whose editor gave none; one
    /// query, and none when no card needs one.
    /// </summary>
    public async Task<IReadOnlyList<PostCard>> CompleteCardsAsync(IReadOnlyList<PostCard> cards, CancellationToken ct)
    {
        var fileIds = cards.Select(c => c.Video).Where(v => v is { FileId: not null } && (v.PosterUrl is null || v.DurationSeconds is null))
            .Select(v => v!.FileId!.Value).Distinct().ToList();
        if (fileIds.Count == 0)
            return cards;
        var found = await db.Set<VideoTranscode>().AsNoTracking()
            .Where(j => fileIds.Contains(j.MediaAssetId))
            .Select(j => new
            {
                j.MediaAssetId,
                j.DurationSeconds,
                Poster = j.Poster == null ? null : MediaUrls.Prefix + "/" + j.Poster.Id + "/" + j.Poster.FileName,
            })
            .ToDictionaryAsync(j => j.MediaAssetId, ct);
        return cards.Select(card => card.Video is { FileId: { } fileId } video && found.TryGetValue(fileId, out var done)
            ? card with
            {
                Video = video with
                {
                    PosterUrl = video.PosterUrl ?? done.Poster,
                    DurationSeconds = video.DurationSeconds ?? (done.DurationSeconds is { } seconds ? (int)Math.Round(seconds) : null),
                },
            }
            : card).ToList();
    }

    /// <summary>The stored path of one rendition of a video, by the name its address carries.</summary>
    public Task<string?> FindRenditionAsync(int fileId, int height, string fileName, CancellationToken ct) =>
        db.Set<VideoRendition>().AsNoTracking()
            .Where(r => r.Height == height && r.FileName == fileName
                        && db.Set<VideoTranscode>().Any(j => j.Id == r.VideoTranscodeId && j.MediaAssetId == fileId && j.State == TranscodeState.Done))
            .Select(r => r.StoragePath).FirstOrDefaultAsync(ct);
}
