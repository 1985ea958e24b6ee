using System.IO.Compression;
using System.Text;
using NetVips;

namespace CchcSite.Content.Tests.Media;

/// <summary>Files for upload tests, made on the spot: real images from libvips, real Office packages from a ZIP writer.</summary>
internal static class TestFiles
{
    /// <summary>A photo-like gradient, so that encoders have something to compress.</summary>
    public static Image Picture(int width, int height, int bands = 3)
    {
        using var x = Image.Xyz(width, height);
        using var scaled = x * new[] { 255.0 / width, 255.0 / height };
        using var r = scaled[0];
        using var g = scaled[1];
        using var rgb = r.Bandjoin(g, (r + g) / 2);
        using var rgbUchar = rgb.Cast(Enums.BandFormat.Uchar);
        var image = bands == 4 ? rgbUchar.Bandjoin(128).Cast(Enums.BandFormat.Uchar) : rgbUchar.Copy();
        return image.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width = 800, int height = 600)
    {
        using var image = Picture(width, height);
        return image.JpegsaveBuffer();
    }

    public static byte[] Png(int width = 400, int height = 300, bool alpha = false)
    {
        using var image = Picture(width, height, alpha ? 4 : 3);
        return image.PngsaveBuffer();
    }

    public static byte[] Gif(int width = 200, int height = 100)
    {
        using var image = Picture(width, height);
        return image.GifsaveBuffer();
    }

    public static byte[] WebP(int width = 500, int height = 500)
    {
        using var image = Picture(width, height);
        return image.WebpsaveBuffer();
    }

    /// <summary>A JPEG carrying an EXIF block with a camera make and a GPS position (21°1'30" N), as phones write them.</summary>
    public static byte[] JpegWithGps(int width = 2400, int height = 1600)
    {
        using var image = Picture(width, height);
        using var tagged = image.Mutate(m => m.Set(GValue.BlobType, "exif-data", ExifWithGps()));
        return tagged.JpegsaveBuffer(keep: Enums.ForeignKeep.All);
    }

    /// <summary>A little-endian TIFF structure: IFD0 pointing at a GPS IFD with GPSLatitudeRef and GPSLatitude.</summary>
    private static byte[] ExifWithGps()
    {
        var data = new List<byte>();
        void U16(int v) => data.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(long v) => data.AddRange(BitConverter.GetBytes((uint)v));
        data.AddRange("Exif\0\0"u8.ToArray());
        data.AddRange("II"u8.ToArray()); U16(42); U32(8);
        // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) → GPS IFD at 26.
        U16(1); U16(0x8825); U16(4); U32(1); U32(26); U32(0);
        // GPS IFD at 26: GPSLatitudeRef "N", GPSLatitude three RATIONALs at 56.
        U16(2);
        U16(0x0001); U16(2); U32(2); data.AddRange("N\0\0\0"u8.ToArray());
        U16(0x0002); U16(5); U32(3); U32(56);
        U32(0);
        foreach (var part in new[] { 21, 1, 30 }) { U32(part); U32(1); }
        return data.ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx() => Package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() => Package(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Package(params (string Name, string Text)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }

    public static byte[] Php() => Encoding.ASCII.GetBytes("<?php system($_GET['c']); ?>\n");

    public static IReadOnlyList<string> MetadataFields(string path)
    {
        using var image = Image.NewFromFile(path);
        return image.GetFields();
    }
}
