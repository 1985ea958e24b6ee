using CchcSite.Content.Rendering;
using CchcSite.Content.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CchcSite.Content.Bulletins;

/// <summary>
/// The A4 PDF of a published issue, made with PDFsharp in the site's PDF fonts (<see cref="PdfFonts"/>).
/// </summary>
public static class BulletinPdf
{
    private const double Margin = 56, Width = 595 - 2 * Margin, Bottom = 842 - 56;

    /// <param name="publicUrl">Site:PublicUrl, so that every address in the file is absolute.</param>
    public static byte[] Render(BulletinView issue, string unitName, string publicUrl)
    {
        PdfFonts.Ensure();
        using var document = new PdfDocument();
        document.Info.Title = $"{issue.Title} – {unitName}";
        document.Info.Subject = issue.PeriodText;
        var writer = new Writer(document);
        writer.Line(unitName.ToUpperInvariant(), writer.Small, XBrushes.DimGray);
        writer.Line(issue.Title, writer.Title);
        writer.Line($"Kỳ {issue.PeriodText} · phát hành {VietnamTime.FormatDate(issue.PublishedAt)}", writer.Body, XBrushes.DimGray);
        writer.Gap(10);
        foreach (var paragraph in issue.Introduction)
        {
            writer.Paragraph(paragraph, writer.Body);
            writer.Gap(6);
        }
        foreach (var section in issue.Sections)
        {
            writer.Gap(8);
            writer.Paragraph(section.Name, writer.Heading);
            writer.Gap(2);
            foreach (var entry in section.Entries)
            {
                writer.Paragraph(entry.Title, writer.Strong);
                if (!string.IsNullOrWhiteSpace(entry.Summary))
                    writer.Paragraph(entry.Summary, writer.Body);
                writer.Paragraph(publicUrl.TrimEnd('/') + entry.Url, writer.Small, XBrushes.DarkBlue);
                writer.Gap(6);
            }
        }
        writer.Gap(8);
        writer.Paragraph($"Bản điện tử: {publicUrl.TrimEnd('/')}{issue.Url}", writer.Small, XBrushes.DimGray);
        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Writes top to bottom, wrapping words to the width and opening a page when one is full; numbers the pages.</summary>
    private sealed class Writer
    {
        public readonly XFont Title = PdfFonts.Font(20, bold: true);
        public readonly XFont Heading = PdfFonts.Font(13, bold: true);
        public readonly XFont Strong = PdfFonts.Font(10.5, bold: true);
        public readonly XFont Body = PdfFonts.Font(10.5);
        public readonly XFont Small = PdfFonts.Font(8.5);

        private readonly PdfDocument document;
        private XGraphics graphics = null!;
        private double y;

        public Writer(PdfDocument document)
        {
            this.document = document;
            NewPage();
        }

        public void Gap(double points) => y += points;

        public void Line(string text, XFont font, XBrush? brush = null) => Paragraph(text, font, brush);

        public void Paragraph(string text, XFont font, XBrush? brush = null)
        {
            var height = font.GetHeight() * 1.15;
            foreach (var line in Wrap(text, font))
            {
                if (y + height > Bottom)
                    NewPage();
                graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, y, Width, height), XStringFormats.TopLeft);
                y += height;
            }
        }

        public void Finish()
        {
            graphics.Dispose();
            for (var i = 0; i < document.PageCount; i++)
            {
                using var page = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                page.DrawString($"Trang {i + 1}/{document.PageCount}", Small, XBrushes.DimGray,
                    new XRect(Margin, Bottom + 16, Width, 12), XStringFormats.TopCenter);
            }
        }

        private void NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        /// <summary>Greedy word wrap; a word longer than the line (an address) is cut where it no longer fits.</summary>
        private IEnumerable<string> Wrap(string text, XFont font)
        {
            foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Fits(candidate, font))
                    {
                        line = candidate;
                        continue;
                    }
                    if (line.Length > 0)
                        yield return line;
                    line = word;
                    while (!Fits(line, font) && line.Length > 1)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && !Fits(line[..cut], font))
                            cut--;
                        yield return line[..cut];
                        line = line[cut..];
                    }
                }
                if (line.Length > 0)
                    yield return line;
            }
        }

        private bool Fits(string text, XFont font) => graphics.MeasureString(text, font).Width <= Width;
    }
}
