using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Site;

/// <summary>Serves stored files and image variants, but only those a public post uses.</summary>
public sealed class MediaController(MediaLibrary library, PublishedPosts posts, MediaStore store) : Controller
{
    [HttpGet(MediaUrls.Prefix + "/{id:int}/{fileName}")]
    public Task<IActionResult> Get(int id, string fileName, CancellationToken ct) => ServeAsync(id, null, fileName, ct);

    /// <summary>One re-encoded variant of an image: /tep/{id}/{nho|vua|lon}/{file}.</summary>
    [HttpGet(MediaUrls.Prefix + "/{id:int}/{size}/{fileName}")]
    public Task<IActionResult> Variant(int id, string size, string fileName, CancellationToken ct) =>
        ImageSizes.FromSegment(size) is { } imageSize ? ServeAsync(id, imageSize, fileName, ct) : Task.FromResult<IActionResult>(NotFound());

    private async Task<IActionResult> ServeAsync(int id, ImageSize? size, string fileName, CancellationToken ct)
    {
        if (await library.FindFileAsync(id, size, fileName, ct) is not { } found || !await posts.IsMediaPublicAsync(id, ct))
            return NotFound();
        var path = store.FullPath(found.StoragePath);
        if (!System.IO.File.Exists(path))
            return NotFound();
        // Five minutes, then every cache must ask again: a file taken down with its post (or replaced in the library)
        // leaves shared caches within the same few minutes as the page itself, not a day later. must-revalidate
        // forbids serving it stale when the site cannot be asked; Last-Modified makes the revalidation a cheap 304.
        Response.Headers.CacheControl = "public, max-age=300, must-revalidate";
        // Documents download under their own name; images, video and captions display in the page.
        return found.ContentType.StartsWith("application/", StringComparison.Ordinal)
            ? PhysicalFile(path, found.ContentType, found.Asset.FileName, enableRangeProcessing: true)
            : PhysicalFile(path, found.ContentType, enableRangeProcessing: true);
    }
}
