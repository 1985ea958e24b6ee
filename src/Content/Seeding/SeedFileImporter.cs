using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Units;

namespace CchcSite.Content.Seeding;

/// <summary>
/// Copies each referenced seed file into the media store once, however many posts (or procedures) use it. Images go in as
/// they came (<see cref="MediaLibrary.AddSeedImageAsync"/>): their variants, the same as an upload's, come after the
/// site's first answer (<see cref="SeedImageVariants"/>), as encoding them was the largest part of a new database's start.
/// </summary>
internal sealed class SeedFileImporter(CchcDbContext db, IMediaStore media, MediaLibrary library, string filesRoot, DateTime now)
{
    private readonly Dictionary<string, MediaAsset> _imported = new(StringComparer.Ordinal);

    private string? Resolve(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(filesRoot, relativePath));
        return path.StartsWith(Path.GetFullPath(filesRoot), StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }

    public Task<MediaAsset> ImportAsync(PostSeed seed, Unit unit, string relativePath, string? alt, CancellationToken ct) =>
        ImportAsync(seed.SourcePath, unit, relativePath, alt, ct);

    /// <param name="seedFile">The seed file that names the file, for the message when it is missing.</param>
    public async Task<MediaAsset> ImportAsync(string seedFile, Unit unit, string relativePath, string? alt, CancellationToken ct)
    {
        if (_imported.TryGetValue(relativePath, out var existing))
            return existing;
        var path = Resolve(relativePath) ?? throw new InvalidDataException($"{seedFile}: file '{relativePath}' does not exist under seed/files.");
        if (!AllowedFileTypes.TryGetContentType(path, out var contentType))
            throw new InvalidDataException($"{seedFile}: file type of '{relativePath}' is not allowed.");
        if (alt is not null && contentType.StartsWith("image/", StringComparison.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(path, ct);
            if (FileSniffer.Detect(bytes) != contentType)
                throw new InvalidDataException($"{seedFile}: '{relativePath}' is not the image its name says.");
            return _imported[relativePath] = await library.AddSeedImageAsync(unit.Id, Path.GetFileName(path), bytes, contentType, alt, ct);
        }
        await using var source = File.OpenRead(path);
        var (storagePath, length) = await media.SaveAsync(source, Path.GetExtension(path), ct);
        var asset = new MediaAsset
        {
            UnitId = unit.Id, FileName = Path.GetFileName(path), ContentType = contentType, Length = length,
            StoragePath = storagePath, AltText = alt, CreatedAt = now,
        };
        db.MediaAssets.Add(asset);
        _imported[relativePath] = asset;
        return asset;
    }
}
