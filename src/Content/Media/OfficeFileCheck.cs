using System.IO.Compression;

namespace CchcSite.Content.Media;

/// <summary>
/// Bounds what an Office file (DOCX, XLSX: a ZIP package) unpacks to, from its central directory alone: the number
/// of entries and the sum of their declared sizes. Nothing is inflated here, and what reads the package later (the
/// search indexer, a browser's download) gets no more than declared: .NET inflates an entry only up to its declared
/// size. A 1 MB file of one 1 GiB entry, or of 60,000 entries, is refused before anything reads it.
/// </summary>
public static class OfficeFileCheck
{
    /// <summary>A large real report has a few hundred parts; tens of thousands is an attack on whatever lists them.</summary>
    public const int MaxEntries = 5_000;

    /// <summary>Text parts compress about tenfold and images not at all: a 20 MB document stays far below this.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>The Vietnamese reason the package is refused; null when it is within bounds or is no ZIP at all (then the sniffer decides).</summary>
    public static string? Refusal(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return Refusal(zip);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>As <see cref="Refusal(byte[])"/>, on a package already open.</summary>
    public static string? Refusal(ZipArchive zip)
    {
        var entries = zip.Entries;
        if (entries.Count > MaxEntries)
            return $"Tệp Office có {entries.Count} thành phần bên trong, vượt mức {MaxEntries} của một tài liệu thông thường. Tệp bị từ chối.";
        long unpacked = 0;
        foreach (var entry in entries)
        {
            unpacked += entry.Length;
            if (unpacked > MaxUnpackedBytes)
                return $"Tệp Office khi giải nén lớn hơn {MaxUnpackedBytes / (1024 * 1024)} MB, vượt xa một tài liệu thông thường. Tệp bị từ chối.";
        }
        return null;
    }
}
