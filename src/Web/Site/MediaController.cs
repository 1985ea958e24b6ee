using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Videos;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Site;

/// <summary>Serves stored files and image variants, but only those a public post uses.</summary>
public sealed class MediaController(MediaLibrary library, PublishedPosts posts, MediaStore store, VideoPlayback playback) : Controller
{
    [HttpGet(MediaUrls.Prefix + "/{id:int}/{fileName}")]
    public Task<IActionResult> Get(int id, string fileName, CancellationToken ct) => ServeAsync(id, null, fileName, ct);

    /// <summary>One re-encoded variant of an image: /tep/{id}/{nho|vua|lon}/{file}.</summary>
    [HttpGet(MediaUrls.Prefix + "/{id:int}/{size}/{fileName}")]
    public Task<IActionResult> Variant(int id, string size, string fileName, CancellationToken ct) =>
        ImageSizes.FromSegment(size) is { } imageSize ? ServeAsync(id, imageSize, fileName, ct) : Task.FromResult<IActionResult>(NotFound());

    /// <summary>One transcoded rendition of a video: /tep/{id}/{720}p/{file}, played in pieces by range requests.</summary>
    [HttpGet(MediaUrls.Prefix + "/{id:int}/{height:int}p/{fileName}")]
    public async Task<IActionResult> Rendition(int id, int height, string fileName, CancellationToken ct) =>
        await playback.FindRenditionAsync(id, height, fileName, ct) is { } storagePath && await posts.IsMediaPublicAsync(id, ct)
            ? Serve(storagePath, "video/mp4", null)
            : NotFound();

    private async Task<IActionResult> ServeAsync(int id, ImageSize? size, string fileName, CancellationToken ct) =>
        await library.FindFileAsync(id, size, fileName, ct) is { } found && await posts.IsMediaPublicAsync(id, ct)
            // Documents download under their own name; images, video and captions display in the page.
            ? Serve(found.StoragePath, found.ContentType, found.ContentType.StartsWith("application/", StringComparison.Ordinal) ? found.Asset.FileName : null)
            : NotFound();

    private IActionResult Serve(string storagePath, string contentType, string? downloadName)
    {
        var path = store.FullPath(storagePath);
        if (!System.IO.File.Exists(path))
            return NotFound();
        // Five minutes, then every cache must ask again: a file taken down with its post (or replaced in the library)
        // leaves shared caches within the same few minutes as the page itself, not a day later. must-revalidate
        // forbids serving it stale when the site cannot be asked; Last-Modified makes the revalidation a cheap 304.
        Response.Headers.CacheControl = "public, max-age=300, must-revalidate";
        return downloadName is not null
            ? PhysicalFile(path, contentType, downloadName, enableRangeProcessing: true)
            : PhysicalFile(path, contentType, enableRangeProcessing: true);
    }
}
