using System.Security.Cryptography;
using System.Text.Json;

namespace CchcSite.Web.Backups;

/// <summary>One file of a backup: its path (in the backup folder; a media file's, in its media folder: the stored path), size and SHA-256.</summary>
public sealed record BackupFile(string Path, long Length, string Sha256)
{
    /// <summary>Whether the copy in <paramref name="folder"/> is still what was written.</summary>
    public bool IsIntactIn(string folder)
    {
        var full = System.IO.Path.Combine(folder, Path);
        if (!File.Exists(full) || new FileInfo(full).Length != Length)
            return false;
        using var file = File.OpenRead(full);
        return Convert.ToHexStringLower(SHA256.HashData(file)) == Sha256;
    }

    public static BackupFile Of(string folder, string path)
    {
        using var file = File.OpenRead(System.IO.Path.Combine(folder, path));
        return new BackupFile(path, file.Length, Convert.ToHexStringLower(SHA256.HashData(file)));
    }
}

/// <summary>
/// manifest.json, written last: a folder without one is an unfinished backup. Says what the copy is of (provider,
/// the application's version and the last migration applied) and lists every file with its size and hash, so that a
/// restore checks the whole backup before it touches the site.
/// </summary>
public sealed record BackupManifest(
    int Format, DateTimeOffset CreatedAt, string Provider, string AppVersion, string Migration, BackupFile Database, IReadOnlyList<BackupFile> Media)
{
    public const string FileName = "manifest.json";
    public const string MediaFolder = "media";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        await using var file = File.Create(System.IO.Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }

    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new BackupFailure($"Không có {path}: thư mục này không phải là một bản sao lưu hoàn chỉnh (tệp kê khai được ghi sau cùng).");
        try
        {
            await using var file = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(file, Json, ct);
            return manifest is { Format: CurrentFormat, Database: not null, Media: not null }
                ? manifest
                : throw new BackupFailure($"{path} không phải là tệp kê khai của bản sao lưu định dạng {CurrentFormat}.");
        }
        catch (JsonException e)
        {
            throw new BackupFailure($"{path} bị hỏng: {e.Message}");
        }
    }
}
