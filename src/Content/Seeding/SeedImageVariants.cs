using CchcSite.Content.Data;
using CchcSite.Content.Media;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Seeding;

/// <summary>
/// The seed's images get their variants after the site's first answer (<see cref="LaterSeedStages.Images"/>): encoding
/// them was the largest part of a new database's start (docs/perf.md). Until then pages show each image whole, without
/// srcset; the commit is a change to the assets, which drops every cached page, so the next renders list the variants.
/// </summary>
internal sealed class SeedImageVariants(CchcDbContext db, IMediaStore store, MediaLibrary library)
{
    /// <summary>
    /// Encodes every image without variants, on every core, and gives it them (not yet saved). Returns the files the
    /// images were served from, to delete once the change has committed.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddAsync(CancellationToken ct)
    {
        var images = await db.MediaAssets.Where(a => a.ContentType.StartsWith("image/") && !a.Variants.Any()).ToListAsync(ct);
        var variants = new List<MediaVariant>[images.Count];
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForAsync(0, images.Count, cores, async (i, token) =>
        {
            var image = images[i];
            using var bytes = new MemoryStream();
            await using (var file = store.OpenRead(image.StoragePath)
                                    ?? throw new FileNotFoundException($"The seeded image '{image.FileName}' is missing from the media store."))
                await file.CopyToAsync(bytes, token);
            variants[i] = await library.StoreVariantsAsync(image.FileName, library.Encode(bytes.ToArray(), image.ContentType), token);
        });
        return [.. images.Select((image, i) => MediaLibrary.ServeFromVariants(image, variants[i]))];
    }
}
