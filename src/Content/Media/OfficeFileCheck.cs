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
    public static string? Refusal(ZipArchive zip) => Exceeded(zip, MaxEntries, MaxUnpackedBytes) switch
    {
        PackageBound.Entries => $"Tệp Office có {zip.Entries.Count} thành phần bên trong, vượt mức {MaxEntries} của một tài liệu thông thường. Tệp bị từ chối.",
        PackageBound.UnpackedSize => $"Tệp Office khi giải nén lớn hơn {MaxUnpackedBytes / (1024 * 1024)} MB, vượt xa một tài liệu thông thường. Tệp bị từ chối.",
        _ => null,
    };

    /// <summary>
    /// Which bound a package passes, read from its central directory alone; the one check behind the media library's
    /// limits and the import reader's own (configurable) ones, each of which words its refusal for its reader.
    /// </summary>
    public static PackageBound Exceeded(ZipArchive zip, int maxEntries, long maxUnpackedBytes)
    {
        var entries = zip.Entries;
        if (entries.Count > maxEntries)
            return PackageBound.Entries;
        long unpacked = 0;
        foreach (var entry in entries)
            if ((unpacked += entry.Length) > maxUnpackedBytes)
                return PackageBound.UnpackedSize;
        return PackageBound.None;
    }
}

public enum PackageBound
{
    None,
    Entries,
    UnpackedSize,
}
