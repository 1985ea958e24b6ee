using System.Text.Json;
using CchcSite.Content.Outcomes;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Media;

/// <summary>Where an upload stands: the bytes the server holds (<see cref="Offset"/>) of the declared <see cref="Length"/>.</summary>
public sealed record UploadStatus(Guid Id, int UnitId, string FileName, long Length, long Offset)
{
    public bool IsComplete => Offset == Length;
}

/// <summary>
/// Uploads of large videos in parts, resumable after a dropped connection: the client declares the name and size, sends
/// parts at the offset the server reports, and asks again where it stands when a part fails (only what reached the disk
/// counts). An upload is a pair of files in the store's upload folder, the declaration and the bytes so far, so it
/// survives a restart and any node can take the next part. Nothing is ever held whole in memory; nothing past the
/// declared size, itself within <see cref="MediaLimits.MaxVideoBytes"/>, is ever written.
/// </summary>
public sealed class VideoUploads(MediaStore store, IOptions<MediaLimits> limits, TimeProvider clock)
{
    public const string FileField = MediaLibrary.FileField;

    /// <summary>An upload nobody finished in this time is abandoned; its bytes are removed by the next new upload.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromDays(2);

    /// <summary>What a video may be called, and the containers its bytes must then be (MP4 and MOV are one family).</summary>
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = [FileSniffer.Mp4, FileSniffer.QuickTime],
        [".mov"] = [FileSniffer.QuickTime, FileSniffer.Mp4],
        [".webm"] = [FileSniffer.WebM],
    };

    public const string AcceptedVideos = "Chỉ nhận video MP4, MOV hoặc WebM.";

    public static bool IsVideoName(string? fileName) => Extensions.ContainsKey(Path.GetExtension(fileName ?? ""));

    private sealed record Declaration(int UnitId, string? OwnerId, string FileName, long Length, DateTime CreatedAt);

    /// <summary>Declares an upload of <paramref name="length"/> bytes by <paramref name="ownerId"/>; refused when the name or size is not allowed.</summary>
    public async Task<Outcome<UploadStatus>> CreateAsync(int unitId, string? ownerId, string? fileName, long length, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0)
            return new Outcome<UploadStatus>.Invalid(FileField, "Vui lòng chọn tệp video cần tải lên.");
        if (!IsVideoName(name))
            return new Outcome<UploadStatus>.Invalid(FileField, $"Không nhận tệp có đuôi \"{Path.GetExtension(name)}\" ở đây. {AcceptedVideos}");
        if (length <= 0)
            return new Outcome<UploadStatus>.Invalid(FileField, "Tệp rỗng, không có nội dung.");
        var max = limits.Value.MaxVideoBytes;
        if (length > max)
            return new Outcome<UploadStatus>.Invalid(FileField, $"Video quá lớn ({MediaLibrary.FormatSize(length)}). Video tối đa {MediaLibrary.FormatSize(max)}.");
        RemoveAbandoned();
        Directory.CreateDirectory(store.UploadFolder);
        // The disk must hold the video and its transcoded copies; refused now rather than full at 90 %.
        if (new DriveInfo(store.UploadFolder).AvailableFreeSpace < 2 * length)
            return new Outcome<UploadStatus>.Refused("Máy chủ không còn đủ chỗ trống để nhận video này. Vui lòng báo quản trị hệ thống.");
        var id = Guid.NewGuid();
        await File.WriteAllBytesAsync(PartPath(id), [], ct);
        await File.WriteAllTextAsync(DeclarationPath(id),
            JsonSerializer.Serialize(new Declaration(unitId, ownerId, name, length, clock.GetUtcNow().UtcDateTime)), ct);
        return new Outcome<UploadStatus>.Ok(new UploadStatus(id, unitId, name, length, 0));
    }

    /// <summary>Where the upload stands, or null when there is none (finished, abandoned, refused) or it is someone else's.</summary>
    public UploadStatus? Find(Guid id, string? ownerId)
    {
        var declaration = Read(id);
        return declaration is null || declaration.OwnerId != ownerId ? null : StatusOf(id, declaration);
    }

    /// <summary>
    /// Writes the part that starts at <paramref name="offset"/>, which must be where the upload stands. A part cut off
    /// midway keeps what arrived, and the client resumes from the offset it then reads. The first bytes are checked as
    /// soon as they arrive: a file that is not the video its name says is refused and removed before the rest is sent.
    /// </summary>
    public async Task<Outcome<UploadStatus>> AppendAsync(Guid id, string? ownerId, long offset, Stream part, CancellationToken ct)
    {
        if (Read(id) is not { } declaration || declaration.OwnerId != ownerId)
            return new Outcome<UploadStatus>.NotFound("Không tìm thấy lượt tải lên này; có thể nó đã xong hoặc đã quá hạn.");
        var current = StatusOf(id, declaration);
        if (offset != current.Offset)
            return new Outcome<UploadStatus>.Conflict($"Máy chủ đang có {current.Offset} byte của tệp; hãy gửi tiếp từ đó.", current);
        var room = Math.Min(declaration.Length - offset, MediaLimits.RequestCeiling);
        var buffer = new byte[81920];
        var tooLong = false;
        var dropped = false;
        await using (var file = new FileStream(PartPath(id), FileMode.Append, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            try
            {
                int read;
                while ((read = await part.ReadAsync(buffer, ct)) > 0)
                {
                    if (file.Length - offset + read > room)
                    {
                        tooLong = true;
                        break;
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            // A connection lost midway (a phone leaving Wi-Fi) is the case this upload exists for, not a fault.
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                dropped = true;
            }
            finally
            {
                // What arrived before a dropped connection is kept, flushed, for the resumed part to follow.
                await file.FlushAsync(CancellationToken.None);
            }
            if (tooLong)
                file.SetLength(offset);
        }
        if (dropped)
            return new Outcome<UploadStatus>.Conflict("Kết nối bị ngắt giữa chừng; phần đã nhận được giữ lại để gửi tiếp.", StatusOf(id, declaration));
        if (tooLong)
            return new Outcome<UploadStatus>.Invalid(FileField,
                $"Phần gửi lên dài hơn phần còn lại của tệp đã khai báo ({declaration.Length - offset} byte) hoặc quá {MediaLibrary.FormatSize(MediaLimits.RequestCeiling)} một lần.");
        var status = StatusOf(id, declaration);
        if (offset < FileSniffer.VideoHeadLength && await RefusalAsync(id, declaration, status.Offset, ct) is { } refusal)
        {
            Delete(id);
            return new Outcome<UploadStatus>.Invalid(FileField, refusal);
        }
        return new Outcome<UploadStatus>.Ok(status);
    }

    /// <summary>
    /// The complete file of a finished upload and its checked type, for the library to take; the declaration is removed,
    /// so the upload is finished once.
    /// </summary>
    public async Task<Outcome<(string Path, string ContentType, UploadStatus Status)>> TakeAsync(Guid id, string? ownerId, CancellationToken ct)
    {
        if (Read(id) is not { } declaration || declaration.OwnerId != ownerId)
            return new Outcome<(string, string, UploadStatus)>.NotFound("Không tìm thấy lượt tải lên này; có thể nó đã xong hoặc đã quá hạn.");
        var status = StatusOf(id, declaration);
        if (!status.IsComplete)
            return new Outcome<(string, string, UploadStatus)>.Conflict(
                $"Tệp mới tải lên được {status.Offset} trên {status.Length} byte; hãy gửi tiếp phần còn lại.");
        if (await RefusalAsync(id, declaration, status.Offset, ct) is { } refusal)
        {
            Delete(id);
            return new Outcome<(string, string, UploadStatus)>.Invalid(FileField, refusal);
        }
        File.Delete(DeclarationPath(id));
        return new Outcome<(string, string, UploadStatus)>.Ok((PartPath(id), (await HeadTypeAsync(id, ct))!, status));
    }

    /// <summary>Removes an upload's files: refused, given up by its editor, or its bytes left behind by a failed finish.</summary>
    public void Delete(Guid id)
    {
        File.Delete(DeclarationPath(id));
        File.Delete(PartPath(id));
    }

    /// <summary>Why the bytes so far are not the video the name says; null when they are, or too few to tell yet.</summary>
    private async Task<string?> RefusalAsync(Guid id, Declaration declaration, long held, CancellationToken ct)
    {
        if (held < Math.Min(FileSniffer.VideoHeadLength, declaration.Length))
            return null;
        var extension = Path.GetExtension(declaration.FileName).ToLowerInvariant();
        var actual = await HeadTypeAsync(id, ct);
        if (actual is null)
            return $"Nội dung tệp không phải là video như đuôi \"{extension}\" cho biết. Tệp bị từ chối. {AcceptedVideos}";
        return Extensions[extension].Contains(actual) ? null
            : $"Tệp có đuôi \"{extension}\" nhưng nội dung là {FileSniffer.DisplayName(actual)}. Vui lòng kiểm tra lại tệp.";
    }

    private async Task<string?> HeadTypeAsync(Guid id, CancellationToken ct)
    {
        var head = new byte[FileSniffer.VideoHeadLength];
        await using var file = File.OpenRead(PartPath(id));
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return FileSniffer.DetectVideo(head.AsSpan(0, read));
    }

    private void RemoveAbandoned()
    {
        if (!Directory.Exists(store.UploadFolder))
            return;
        var before = clock.GetUtcNow().UtcDateTime - Abandoned;
        foreach (var file in Directory.EnumerateFiles(store.UploadFolder))
            if (File.GetLastWriteTimeUtc(file) < before)
                File.Delete(file);
    }

    private UploadStatus StatusOf(Guid id, Declaration declaration) =>
        new(id, declaration.UnitId, declaration.FileName, declaration.Length, new FileInfo(PartPath(id)).Length);

    private Declaration? Read(Guid id)
    {
        var path = DeclarationPath(id);
        return File.Exists(path) && File.Exists(PartPath(id)) ? JsonSerializer.Deserialize<Declaration>(File.ReadAllText(path)) : null;
    }

    private string DeclarationPath(Guid id) => Path.Combine(store.UploadFolder, $"{id:N}.json");

    private string PartPath(Guid id) => Path.Combine(store.UploadFolder, $"{id:N}.part");
}
