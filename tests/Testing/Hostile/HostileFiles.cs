using System.IO.Compression;
using System.Text;
using NetVips;

namespace CchcSite.Testing.Hostile;

/// <summary>
/// Files that pass a check of their first bytes or their size on the wire and are something else inside, generated on
/// the spot for every upload and import test (never shipped: some unpack to a gigabyte).
/// </summary>
public static class HostileFiles
{
    /// <summary>The three bytes a JPEG starts with, then a page that runs script if a browser ever renders it.</summary>
    public static byte[] JpegHeaderThenHtml() =>
        [0xFF, 0xD8, 0xFF, .. Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>")];

    /// <summary>A real JPEG with a page appended after its end marker: it decodes, and the page is still in the bytes.</summary>
    public static byte[] JpegThenHtml()
    {
        using var image = Image.Black(64, 48, bands: 3);
        return [.. image.JpegsaveBuffer(), .. Encoding.ASCII.GetBytes("<html><script>alert(document.cookie)</script></html>")];
    }

    /// <summary>A valid PNG of one colour, within the citizens' 5 MB limit, whose 30000 × 30000 pixels would take gigabytes to decode; made once per run.</summary>
    public static byte[] HugePng() => HugePngBytes.Value;

    private static readonly Lazy<byte[]> HugePngBytes = new(() =>
    {
        using var black = Image.Black(30_000, 30_000);
        using var grey = black.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Bw);
        return grey.PngsaveBuffer(compression: 1, bitdepth: 1);
    });

    /// <summary>A DOCX of about a megabyte whose one extra part unpacks to 1 GiB; made once per test run, as it takes seconds.</summary>
    public static byte[] ZipBombDocx() => GigabyteBomb.Value;

    private static readonly Lazy<byte[]> GigabyteBomb = new(() => Docx(zip =>
    {
        using var part = zip.CreateEntry("word/media/image1.bin", CompressionLevel.Optimal).Open();
        var zeros = new byte[1 << 20];
        for (var mebibyte = 0; mebibyte < 1024; mebibyte++)
            part.Write(zeros);
    }));

    /// <summary>A DOCX with <paramref name="entries"/> empty parts (60,000): harmless bytes, a burden to anything that lists them.</summary>
    public static byte[] ManyEntriesDocx(int entries = 60_000) => Docx(zip =>
    {
        for (var i = 0; i < entries; i++)
            zip.CreateEntry($"p/{i:x}", CompressionLevel.NoCompression).Open().Dispose();
    });

    /// <summary>The parts that make a package a DOCX to the sniffer, then whatever <paramref name="more"/> adds.</summary>
    private static byte[] Docx(Action<ZipArchive> more)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>") })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
            more(zip);
        }
        return buffer.ToArray();
    }
}
