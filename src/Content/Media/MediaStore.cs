using System.Security.Cryptography;

namespace CchcSite.Content.Media;

/// <summary>
/// The media store on a local folder, which may be a mount that several nodes share. A new file is stored as
/// <c>ab/cd/abcd….ext</c>, its SHA-256 in hexadecimal under two levels of folders (no folder grows past a few thousand
/// entries), written first to a hidden temporary name and renamed into place when complete: the rename is atomic on
/// one file system, so a reader on any node sees the whole file or none, and two nodes storing the same bytes at once
/// both end with that one file.
/// </summary>
public sealed class MediaStore(string root) : IMediaStore
{
    /// <summary>What a file being written is called until it is complete; <see cref="List"/> never shows one.</summary>
    private const string TemporaryPrefix = ".incoming-";

    public string Root { get; } = Path.GetFullPath(root);

    public async Task<StoredMedia> SaveAsync(byte[] content, string extension, CancellationToken ct)
    {
        var relative = NameFor(SHA256.HashData(content), extension);
        var full = FullPath(relative);
        if (!File.Exists(full))
            await WriteThenRenameAsync(Path.GetDirectoryName(full)!, async file =>
            {
                await file.WriteAsync(content, ct);
                return full;
            }, ct);
        return new StoredMedia(relative, content.LongLength);
    }

    public async Task<StoredMedia> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        // The name is known only at the end: the temporary file is in the root, on the same file system as its place.
        StoredMedia? stored = null;
        await WriteThenRenameAsync(Root, async file =>
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            stored = new StoredMedia(NameFor(sha.GetHashAndReset(), extension), file.Length);
            return FullPath(stored.StoragePath);
        }, ct);
        return stored!;
    }

    /// <summary>
    /// Where unfinished uploads (<see cref="VideoUploads"/>) are kept: in the store's file system, so that a finished one is
    /// renamed into place rather than copied, and shared by the nodes like the rest; never listed as a stored file.
    /// </summary>
    public string UploadFolder => Path.Combine(Root, TemporaryPrefix + "uploads");

    public async Task<StoredMedia> AdoptAsync(string file, string extension, CancellationToken ct)
    {
        byte[] hash;
        await using (var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            hash = await SHA256.HashDataAsync(content, ct);
        var relative = NameFor(hash, extension);
        var full = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Move(file, full, overwrite: true);
        return new StoredMedia(relative, new FileInfo(full).Length);
    }

    public Task PutAsync(string storagePath, Stream content, CancellationToken ct)
    {
        var full = FullPath(storagePath);
        return WriteThenRenameAsync(Path.GetDirectoryName(full)!, async file =>
        {
            await content.CopyToAsync(file, ct);
            return full;
        }, ct);
    }

    public Stream? OpenRead(string storagePath)
    {
        var full = FullPath(storagePath);
        return File.Exists(full) ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true) : null;
    }

    public IEnumerable<string> List() => !Directory.Exists(Root)
        ? []
        : Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part.StartsWith(TemporaryPrefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    /// <summary>Where a stored file is on this machine's disk, for serving it and for readers that open a path.</summary>
    public string FullPath(MediaAsset asset) => FullPath(asset.StoragePath);

    public string FullPath(string storagePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, storagePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Media path escapes the media root: {storagePath}");
        return full;
    }

    public void Delete(string storagePath)
    {
        var full = FullPath(storagePath);
        if (File.Exists(full))
            File.Delete(full);
    }

    private static string NameFor(byte[] hash, string extension)
    {
        var hex = Convert.ToHexStringLower(hash);
        return $"{hex[..2]}/{hex[2..4]}/{hex}{extension.ToLowerInvariant()}";
    }

    /// <summary>
    /// Writes a temporary file in <paramref name="folder"/>, flushed to disk, then renames it to the path
    /// <paramref name="write"/> returns, which is in the same file system.
    /// </summary>
    private static async Task WriteThenRenameAsync(string folder, Func<FileStream, Task<string>> write, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            string full;
            await using (var file = NewFile(temporary))
            {
                full = await write(file);
                ct.ThrowIfCancellationRequested();
                file.Flush(flushToDisk: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStream NewFile(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
}
