namespace CchcSite.Content.Media;

/// <summary>Files on the local disk under one root. Stored paths are relative and made by us, never by users.</summary>
public sealed class MediaStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<(string StoragePath, long Length)> SaveAsync(Stream content, string fileName, CancellationToken ct)
    {
        var relative = Path.Combine(DateTime.UtcNow.ToString("yyyy/MM"), $"{Guid.NewGuid():N}{Path.GetExtension(fileName).ToLowerInvariant()}");
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var file = File.Create(full);
        await content.CopyToAsync(file, ct);
        return (relative.Replace('\\', '/'), file.Length);
    }

    public string FullPath(MediaAsset asset)
    {
        var full = Path.GetFullPath(Path.Combine(Root, asset.StoragePath));
        if (!full.StartsWith(Root, StringComparison.Ordinal))
            throw new InvalidOperationException($"Media path escapes the media root: {asset.StoragePath}");
        return full;
    }
}
