using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Units;

namespace CchcSite.Content.Seeding;

/// <summary>
/// Copies each referenced seed file into the media store once, however many posts (or procedures) use it. Images go through
/// the media library's pipeline, so they get the same variants as uploaded ones.
/// </summary>
internal sealed class SeedFileImporter(CchcDbContext db, IMediaStore media, MediaLibrary library, string filesRoot, DateTime now)
{
    private readonly Dictionary<string, MediaAsset> _imported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<IReadOnlyList<EncodedImage>?>> _encoding = new(StringComparer.Ordinal);

    /// <summary>
    /// Begins encoding the variants of the images the posts will name, on every core, while the import goes on one at a
    /// time (its context is not thread-safe): encoding was most of a new database's time for the posts. A file that is
    /// missing or not an image is left for <see cref="ImportAsync(string, Unit, string, string?, CancellationToken)"/> to report.
    /// </summary>
    public void StartEncoding(IEnumerable<string> relativePaths)
    {
        var cores = new SemaphoreSlim(Environment.ProcessorCount);
        foreach (var relativePath in relativePaths.Distinct(StringComparer.Ordinal))
        {
            if (Resolve(relativePath) is not { } path || !AllowedFileTypes.TryGetContentType(path, out var contentType)
                || !contentType.StartsWith("image/", StringComparison.Ordinal))
                continue;
            _encoding[relativePath] = Task.Run(async () =>
            {
                await cores.WaitAsync();
                try
                {
                    return await EncodeNowAsync(path, contentType, CancellationToken.None);
                }
                finally
                {
                    cores.Release();
                }
            });
        }
    }

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
            var encoded = _encoding.TryGetValue(relativePath, out var encoding)
                ? await encoding.WaitAsync(ct)
                : await EncodeNowAsync(path, contentType, ct);
            if (encoded is null)
                throw new InvalidDataException($"{seedFile}: '{relativePath}' is not the image its name says.");
            return _imported[relativePath] = await library.AddImageAsync(unit.Id, Path.GetFileName(path), encoded, alt, ct);
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

    /// <returns>Null when the file is not the image its name says.</returns>
    private async Task<IReadOnlyList<EncodedImage>?> EncodeNowAsync(string path, string contentType, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        return FileSniffer.Detect(bytes) == contentType ? library.Encode(bytes, contentType) : null;
    }
}
