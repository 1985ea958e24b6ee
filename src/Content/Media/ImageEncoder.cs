using NetVips;

namespace CchcSite.Content.Media;

/// <summary>One re-encoded image ready to store.</summary>
public sealed record EncodedImage(ImageSize Size, string ContentType, string Extension, int Width, int Height, byte[] Bytes);

/// <summary>Thrown when the bytes look like an image but cannot be decoded, or are too large to decode safely.</summary>
public sealed class ImageRejectedException(string message) : Exception(message);

/// <summary>
/// Decodes an uploaded image and writes it again with libvips: every size in the fallback format (JPEG, or PNG
/// for images with transparency, PNG and GIF sources) and in WebP. Nothing of the uploaded file survives but its
/// pixels: EXIF (GPS included), XMP, IPTC and ICC are dropped on save, and the orientation is applied first.
/// </summary>
public static class ImageEncoder
{
    private const int JpegQuality = 82;
    private const int WebPQuality = 80;

    // Every image is decoded and encoded once: libvips's operation cache (100 operations, up to 100 MB by default) would
    // only keep the pixels of past uploads and imports in the site's memory, which an idle site pays for (docs/perf.md).
    static ImageEncoder() => Cache.Max = 0;

    public static IReadOnlyList<EncodedImage> Encode(byte[] source, string sourceType, long maxPixels)
    {
        var (_, _, hasAlpha) = ReadHeader(source, maxPixels);
        var fallbackPng = sourceType != FileSniffer.Jpeg && (hasAlpha || sourceType is FileSniffer.Png or FileSniffer.Gif);
        var results = new List<EncodedImage>();
        try
        {
            foreach (var size in Enum.GetValues<ImageSize>())
            {
                // Thumbnail decodes once at the smaller size, turns the image upright and never upscales (Size.Down).
                using var resized = Image.ThumbnailBuffer(source, size.MaxWidth(), height: 100_000, size: Enums.Size.Down, failOn: Enums.FailOn.Error);
                using var converted = ToSrgb(resized);
                // Decoded once into memory: the loader reads sequentially, and the image is written twice.
                using var srgb = converted.CopyMemory();
                var fallback = fallbackPng
                    ? srgb.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None)
                    : srgb.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
                results.Add(new EncodedImage(size, fallbackPng ? FileSniffer.Png : FileSniffer.Jpeg, fallbackPng ? ".png" : ".jpg", srgb.Width, srgb.Height, fallback));
                results.Add(new EncodedImage(size, FileSniffer.WebP, ".webp", srgb.Width, srgb.Height,
                    srgb.WebpsaveBuffer(q: WebPQuality, keep: Enums.ForeignKeep.None)));
            }
        }
        catch (VipsException)
        {
            throw Unreadable();
        }
        return results;
    }

    /// <summary>
    /// A citizen's image attachment, decoded and written again at its full size in its own format (JPEG stays JPEG,
    /// PNG stays PNG), turned upright. Only the pixels survive: bytes hidden after or inside the image (HTML behind a
    /// JPEG header, EXIF with the sender's position) do not reach the officer who opens it.
    /// </summary>
    public static EncodedImage Reencode(byte[] source, string sourceType, long maxPixels)
    {
        var (width, height, _) = ReadHeader(source, maxPixels);
        var png = sourceType == FileSniffer.Png;
        try
        {
            // A box as large as the longer side: thumbnail decodes once, applies the orientation and never resizes.
            var side = Math.Max(width, height);
            using var upright = Image.ThumbnailBuffer(source, side, height: side, size: Enums.Size.Down, failOn: Enums.FailOn.Error);
            using var converted = ToSrgb(upright);
            var bytes = png
                ? converted.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None)
                : converted.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
            return new EncodedImage(ImageSize.Full, png ? FileSniffer.Png : FileSniffer.Jpeg, png ? ".png" : ".jpg", converted.Width, converted.Height, bytes);
        }
        catch (VipsException)
        {
            throw Unreadable();
        }
    }

    /// <summary>The header alone, read before any pixel is: size and alpha, or the refusal when it is none or too large.</summary>
    public static (int Width, int Height, bool HasAlpha) ReadHeader(byte[] source, long maxPixels)
    {
        int width, height;
        bool hasAlpha;
        try
        {
            using var header = Image.NewFromBuffer(source, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            (width, height, hasAlpha) = (header.Width, header.Height, header.HasAlpha());
        }
        catch (VipsException)
        {
            throw Unreadable();
        }
        if ((long)width * height > maxPixels)
            throw new ImageRejectedException($"Ảnh quá lớn ({width} × {height} điểm ảnh). Vui lòng thu nhỏ ảnh xuống dưới {maxPixels / 1_000_000} triệu điểm ảnh.");
        return (width, height, hasAlpha);
    }

    private static ImageRejectedException Unreadable() => new("Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh hợp lệ.");

    /// <summary>CMYK, 16-bit and other encodings become 8-bit sRGB, which every browser shows the same.</summary>
    private static Image ToSrgb(Image image)
    {
        var converted = image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw
            ? image.Copy()
            : image.Colourspace(Enums.Interpretation.Srgb);
        if (converted.Format == Enums.BandFormat.Uchar)
            return converted;
        using (converted)
            return converted.Cast(Enums.BandFormat.Uchar);
    }
}
