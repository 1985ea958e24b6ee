using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Media;

/// <summary>
/// Removes stored files that no row uses. Names come from the content, so one file may be several assets' (the same
/// photo uploaded twice, by two units), variants' or a citizen's attachment (a PDF equal to a library document):
/// a file goes only when no asset, variant or submission names it any more.
/// </summary>
public sealed class MediaCleanup(CchcDbContext db, IMediaStore store)
{
    /// <summary>
    /// Deletes those of <paramref name="storagePaths"/> nothing saved in the database uses, e.g. the files of an upload
    /// the database refused. Another node storing the same bytes between the question and the deletion would find its
    /// file gone; the window is that of one refused save, and the file's owner can upload it again.
    /// </summary>
    public async Task DeleteUnusedAsync(IReadOnlyCollection<string> storagePaths, CancellationToken ct)
    {
        var paths = storagePaths.Distinct().ToList();
        var used = await db.MediaAssets.Where(a => paths.Contains(a.StoragePath)).Select(a => a.StoragePath).ToListAsync(ct);
        used.AddRange(await db.Set<MediaVariant>().Where(v => paths.Contains(v.StoragePath)).Select(v => v.StoragePath).ToListAsync(ct));
        used.AddRange(await db.Set<Videos.VideoRendition>().Where(r => paths.Contains(r.StoragePath)).Select(r => r.StoragePath).ToListAsync(ct));
        used.AddRange(await db.Submissions.Where(s => s.AttachmentPath != null && paths.Contains(s.AttachmentPath))
            .Select(s => s.AttachmentPath!).ToListAsync(ct));
        foreach (var path in paths.Except(used))
            store.Delete(path);
    }
}
