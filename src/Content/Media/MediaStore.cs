namespace CchcSite.Content.Media;

/// <summary>Files on the local disk under one root. Stored paths are relative and made by us, never by users.</summary>
public sealed class MediaStore(string root, TimeProvider clock)
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<(string StoragePath, long Length)> SaveAsync(Stream content, string fileName, CancellationToken ct)
    {
        var (relative, full) = NewPath(Path.GetExtension(fileName));
        await using var file = File.Create(full);
        await content.CopyToAsync(file, ct);
        return (relative, file.Length);
    }

    public async Task<(string StoragePath, long Length)> SaveAsync(byte[] content, string extension, CancellationToken ct)
    {
        var (relative, full) = NewPath(extension);
        await File.WriteAllBytesAsync(full, content, ct);
        return (relative, content.LongLength);
    }

    public string FullPath(MediaAsset asset) => FullPath(asset.StoragePath);

    public string FullPath(string storagePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, storagePath));
        if (!full.StartsWith(Root, StringComparison.Ordinal))
            throw new InvalidOperationException($"Media path escapes the media root: {storagePath}");
        return full;
    }

    /// <summary>Removes a stored file, e.g. one written before the database refused the rest.</summary>
    public void Delete(string storagePath)
    {
        var full = FullPath(storagePath);
        if (File.Exists(full))
            File.Delete(full);
    }

    private (string Relative, string Full) NewPath(string extension)
    {
        var relative = Path.Combine(clock.GetUtcNow().ToString("yyyy/MM", System.Globalization.CultureInfo.InvariantCulture), $"{Guid.NewGuid():N}{extension.ToLowerInvariant()}");
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (relative.Replace('\\', '/'), full);
    }
}
