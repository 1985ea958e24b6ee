using System.IO.Compression;

namespace CchcSite.Content.Media;

/// <summary>What a file really is, told from its bytes (magic numbers and, for Office files, the package inside), never from its name.</summary>
public static class FileSniffer
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Mp4 = "video/mp4";
    public const string QuickTime = "video/quicktime";
    public const string WebM = "video/webm";

    /// <summary>How many leading bytes <see cref="DetectVideo"/> needs: a video is told from its head, never read whole.</summary>
    public const int VideoHeadLength = 64;

    /// <summary>The content type of the bytes, or null when they are none of the types an editor may upload.</summary>
    public static string? Detect(byte[] content)
    {
        ReadOnlySpan<byte> head = content;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return WebP;
        if (head.StartsWith("%PDF-"u8))
            return Pdf;
        if (head.StartsWith("PK\x03\x04"u8))
            return OfficePackage(content);
        return DetectVideo(head);
    }

    /// <summary>
    /// A video container from its first bytes: MP4 and MOV are ISO base media files whose first box is "ftyp" (the brand
    /// "qt  " is a QuickTime movie, as iPhones record; any other an MP4), WebM is an EBML document of type "webm".
    /// </summary>
    public static string? DetectVideo(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return head[8..12].SequenceEqual("qt  "u8) ? QuickTime : Mp4;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && head.IndexOf("webm"u8) > 0)
            return WebM;
        return null;
    }

    public static bool IsVideo(string contentType) => contentType is Mp4 or QuickTime or WebM;

    /// <summary>
    /// DOCX and XLSX are ZIP packages; the part names say which. Macro-enabled packages are not accepted, nor packages
    /// past <see cref="OfficeFileCheck"/>'s bounds, whoever uploads them.
    /// </summary>
    private static string? OfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (OfficeFileCheck.Refusal(zip) is not null)
                return null;
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                return null;
            if (names.Contains("word/document.xml"))
                return Docx;
            if (names.Contains("xl/workbook.xml"))
                return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The type's name as an editor knows it, for messages.</summary>
    public static string DisplayName(string contentType) => contentType switch
    {
        Jpeg => "ảnh JPEG",
        Png => "ảnh PNG",
        Gif => "ảnh GIF",
        WebP => "ảnh WebP",
        Pdf => "tệp PDF",
        Docx => "tài liệu Word (DOCX)",
        Xlsx => "bảng tính Excel (XLSX)",
        Mp4 => "video MP4",
        QuickTime => "video MOV",
        WebM => "video WebM",
        _ => contentType,
    };
}
