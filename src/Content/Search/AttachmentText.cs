using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CchcSite.Content.Search;

/// <summary>The searchable text of a PDF or DOCX attachment, or of a video's WebVTT captions; other files have none.</summary>
public static class AttachmentText
{
    public static string Extract(string path)
    {
        if (!File.Exists(path))
            return "";
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".pdf" => FromPdf(path),
                ".docx" => FromDocx(path),
                ".vtt" => Videos.WebVtt.TextOf(File.ReadAllBytes(path)),
                _ => "",
            };
        }
        // A damaged or encrypted file must not keep its post out of the index; the post's own text still counts.
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return "";
        }
    }

    private static string FromPdf(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join('\n', pdf.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)));
    }

    private static string FromDocx(string path)
    {
        using var docx = WordprocessingDocument.Open(path, isEditable: false);
        var body = docx.MainDocumentPart?.Document?.Body;
        return body is null ? "" : string.Join('\n', body.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
