using CchcSite.Content.Rendering;
using CchcSite.Content.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CchcSite.Content.Contests;

/// <summary>What a certificate of participation says: who took part, in which contest and round, and how they did.</summary>
public sealed record CertificateView(string FullName, string Place, string ContestTitle, string ContestSlug, string UnitName, int RoundNumber, int Score,
    int OutOf, DateTime SubmittedAt);

/// <summary>
/// The certificate of participation (giấy chứng nhận tham gia) of an entry that stands — submitted and not disqualified —
/// as a one-page A4 landscape PDF the participant prints, in the site's PDF fonts (<see cref="PdfFonts"/>).
/// </summary>
public static class ContestCertificate
{
    private const double PageWidth = 842, PageHeight = 595, Margin = 56, Width = PageWidth - 2 * Margin;

    /// <param name="publicUrl">Site:PublicUrl, so the contest's address on the certificate is absolute.</param>
    public static byte[] Render(CertificateView entry, string publicUrl)
    {
        PdfFonts.Ensure();
        using var document = new PdfDocument();
        document.Info.Title = $"Giấy chứng nhận – {entry.FullName} – {entry.ContestTitle}";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var frame = new XPen(XColors.DarkRed, 3);
            graphics.DrawRectangle(frame, 24, 24, PageWidth - 48, PageHeight - 48);
            graphics.DrawRectangle(new XPen(XColors.DarkRed, 0.75), 30, 30, PageWidth - 60, PageHeight - 60);
            var y = Margin;
            void Centred(string text, XFont font, XBrush? brush = null, double after = 4)
            {
                foreach (var line in Wrap(graphics, text, font))
                {
                    var height = font.GetHeight() * 1.2;
                    graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, y, Width, height), XStringFormats.TopCenter);
                    y += height;
                }
                y += after;
            }
            Centred(entry.UnitName.ToUpperInvariant(), PdfFonts.Font(12, bold: true), after: 28);
            Centred("GIẤY CHỨNG NHẬN", PdfFonts.Font(30, bold: true), XBrushes.DarkRed, 6);
            Centred("tham gia cuộc thi", PdfFonts.Font(14), after: 2);
            Centred(entry.ContestTitle, PdfFonts.Font(16, bold: true), after: 22);
            Centred("Chứng nhận", PdfFonts.Font(13), after: 2);
            Centred(entry.FullName, PdfFonts.Font(24, bold: true), XBrushes.DarkBlue, 2);
            if (entry.Place.Length > 0)
                Centred(entry.Place, PdfFonts.Font(12), after: 10);
            Centred($"đã tham gia Đợt {entry.RoundNumber}, nộp bài lúc {VietnamTime.FormatDateTime(entry.SubmittedAt)}, "
                + $"trả lời đúng {entry.Score}/{entry.OutOf} câu hỏi.", PdfFonts.Font(13), after: 28);
            Centred($"Cấp ngày {VietnamTime.FormatDate(entry.SubmittedAt)} · {publicUrl.TrimEnd('/')}{ContestAddresses.Contest(entry.ContestSlug)}",
                PdfFonts.Font(9), XBrushes.DimGray);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Greedy word wrap to the page's width; a name or a title is never longer than a few lines.</summary>
    private static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > Width)
            {
                yield return line;
                candidate = word;
            }
            line = candidate;
        }
        if (line.Length > 0)
            yield return line;
    }
}
