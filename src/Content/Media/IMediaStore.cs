namespace CchcSite.Content.Media;

/// <summary>A file as the store keeps it: its path relative to the store (never shown to users) and its size.</summary>
public sealed record StoredMedia(string StoragePath, long Length);

/// <summary>
/// Where media files live. A new file is named after its content, so nodes sharing one store never clash and the same
/// bytes stored twice are one file; a file appears under its name only once it is complete. Paths stored by older
/// versions (yyyy/MM/guid.ext) are read and listed like any other.
/// </summary>
public interface IMediaStore
{
    Task<StoredMedia> SaveAsync(byte[] content, string extension, CancellationToken ct);

    /// <summary>A large file (a seeded video) read from a stream, never whole into memory.</summary>
    Task<StoredMedia> SaveAsync(Stream content, string extension, CancellationToken ct);

    /// <summary>
    /// Takes a complete file already on the store's file system (a finished upload) under its content's name, moving it
    /// rather than copying: a 500 MB video is hashed once and never written twice.
    /// </summary>
    Task<StoredMedia> AdoptAsync(string file, string extension, CancellationToken ct);

    /// <summary>Writes a file under the path it had in another store: a restore from a backup.</summary>
    Task PutAsync(string storagePath, Stream content, CancellationToken ct);

    /// <summary>The file's bytes, or null when there is no such file.</summary>
    Stream? OpenRead(string storagePath);

    /// <summary>Every complete file, by its stored path; a file still being written is not one of them.</summary>
    IEnumerable<string> List();

    /// <summary>
    /// Removes one file. A file may be shared by several assets, so only <see cref="MediaCleanup"/>, which asks the
    /// database first, calls this.
    /// </summary>
    void Delete(string storagePath);
}
