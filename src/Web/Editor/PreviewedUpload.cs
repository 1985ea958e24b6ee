namespace CchcSite.Web.Editor;

/// <summary>
/// The file of an import form that is looked at before it is applied (index results, dossier results): a new upload is always
/// a dry run; applying posts the previewed file back (base64 in a hidden field), so that only the file that was looked at is stored.
/// </summary>
public sealed record PreviewedUpload(byte[] Content, string FileName, bool DryRun)
{
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The request size an import action accepts: the file, or its base64 copy, with room for the form.</summary>
    public const int MaxRequestBytes = 4 * MaxFileBytes;

    /// <summary>The upload, or the previewed file when <paramref name="apply"/>; else the Vietnamese reason there is none.</summary>
    public static async Task<(PreviewedUpload? Upload, string? Problem)> ReadAsync(IFormFile? file, bool apply, string? previewed, string? previewedName,
        CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxFileBytes)
                return (null, "Tệp lớn hơn 1 MB; vui lòng chia thành nhiều tệp.");
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, ct);
            return (new PreviewedUpload(copy.ToArray(), Path.GetFileName(file.FileName), DryRun: true), null);
        }
        if (apply && !string.IsNullOrEmpty(previewed) && TryBase64(previewed) is { Length: > 0 and <= MaxFileBytes } content)
            return (new PreviewedUpload(content, Path.GetFileName(previewedName ?? "tep.csv"), DryRun: false), null);
        return (null, "Vui lòng chọn tệp CSV hoặc XLSX theo mẫu.");
    }

    public string Base64 => Convert.ToBase64String(Content);

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
