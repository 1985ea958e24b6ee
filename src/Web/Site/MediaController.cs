using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Site;

/// <summary>Serves stored files, but only those a public post uses.</summary>
public sealed class MediaController(CchcDbContext db, PublishedPosts posts, MediaStore store) : Controller
{
    [HttpGet(MediaUrls.Prefix + "/{id:int}/{fileName}")]
    public async Task<IActionResult> Get(int id, string fileName, CancellationToken ct)
    {
        var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null || asset.FileName != fileName || !await posts.IsMediaPublicAsync(id, ct))
            return NotFound();
        var path = store.FullPath(asset);
        if (!System.IO.File.Exists(path))
            return NotFound();
        Response.Headers.CacheControl = "public, max-age=86400";
        // Documents download under their own name; images, video and captions display in the page.
        return asset.ContentType.StartsWith("application/", StringComparison.Ordinal)
            ? PhysicalFile(path, asset.ContentType, asset.FileName, enableRangeProcessing: true)
            : PhysicalFile(path, asset.ContentType, enableRangeProcessing: true);
    }
}
