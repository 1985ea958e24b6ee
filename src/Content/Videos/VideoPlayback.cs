using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Videos;

/// <summary>
/// What the public player plays of a library video: the renditions its transcoding made (largest first), with the
/// poster and duration it found when the editor gave none; the uploaded file itself until the transcoding is done.
/// </summary>
public sealed class VideoPlayback(CchcDbContext db, IOptions<VideoOptions> options)
{
    /// <summary>
    /// <paramref name="video"/> with its sources and caption tracks, for the video file <paramref name="fileId"/>; one
    /// query. <paramref name="postCaptionsUrl"/> is the post's own Vietnamese captions, which the editor chose for this post.
    /// </summary>
    public async Task<VideoView> CompleteAsync(VideoView video, int fileId, string? postCaptionsUrl, CancellationToken ct)
    {
        // Renditions exist only once the transcoding is done; captions may come before.
        var done = await db.Set<VideoTranscode>().AsNoTracking()
            .Where(j => j.MediaAssetId == fileId)
            .Select(j => new
            {
                j.DurationSeconds,
                Poster = j.Poster == null ? null : MediaUrls.Prefix + "/" + j.Poster.Id + "/" + j.Poster.FileName,
                Renditions = j.Renditions.OrderByDescending(r => r.Height).Select(r => new { r.Height, r.Width, r.FileName }).ToList(),
                // Captions are attached only to a video with a transcoding row, so they come with it.
                Captions = db.Set<VideoCaption>().Where(c => c.VideoId == j.MediaAssetId)
                    .Select(c => new { c.Language, c.Label, c.MediaAsset.Id, c.MediaAsset.FileName }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        var tracks = (done?.Captions ?? []).Select(c => new CaptionTrack(c.Language, c.Label, MediaUrls.For(c.Id, c.FileName))).ToList();
        if (postCaptionsUrl is not null)
            tracks = [new CaptionTrack(VideoOptions.Vietnamese, Vietnamese(tracks), postCaptionsUrl), .. tracks.Where(t => t.Language != VideoOptions.Vietnamese)];
        video = video with { Captions = InMenuOrder(tracks) };
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

    /// <summary>Vietnamese first (the default track), then the others in the configured order, unknown ones last.</summary>
    private List<CaptionTrack> InMenuOrder(List<CaptionTrack> tracks)
    {
        var order = options.Value.Languages.Select(l => l.Code).ToList();
        return tracks.OrderBy(t => t.Language != VideoOptions.Vietnamese).ThenBy(t => order.IndexOf(t.Language) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(t => t.Language, StringComparer.Ordinal).ToList();
    }

    private string Vietnamese(IEnumerable<CaptionTrack> tracks) =>
        tracks.FirstOrDefault(t => t.Language == VideoOptions.Vietnamese)?.Label ?? options.Value.Language(VideoOptions.Vietnamese)!.Label;

    /// <summary>The stored path of one rendition of a video, by the name its address carries.</summary>
    public Task<string?> FindRenditionAsync(int fileId, int height, string fileName, CancellationToken ct) =>
        db.Set<VideoRendition>().AsNoTracking()
            .Where(r => r.Height == height && r.FileName == fileName
                        && db.Set<VideoTranscode>().Any(j => j.Id == r.VideoTranscodeId && j.MediaAssetId == fileId && j.State == TranscodeState.Done))
            .Select(r => r.StoragePath).FirstOrDefaultAsync(ct);
}
