using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Drawing;

namespace CchcSite.Content.Rendering;

/// <summary>
/// The fonts of the PDFs the site makes (bulletins, contest certificates): Debian's DejaVu (fonts-dejavu-core), which has
/// every Vietnamese glyph, embedded (subset) with a Unicode map, so the text can be searched and copied.
/// </summary>
public static class PdfFonts
{
    public const string Directory = "/usr/share/fonts/truetype/dejavu";
    public const string Family = "DejaVu Sans";

    private static readonly object Gate = new();
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>A font of the family with Unicode encoding; call <see cref="Ensure"/> first.</summary>
    public static XFont Font(double size, bool bold = false) => new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    /// <summary>PDFsharp's font resolver is process-wide and set once; on Linux there is none unless we give one.</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFonts)
                GlobalFontSettings.FontResolver = new DejaVuFonts();
        }
    }

    private sealed class DejaVuFonts : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Directory, faceName + ".ttf"));
    }
}
