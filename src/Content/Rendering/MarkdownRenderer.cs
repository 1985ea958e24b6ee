using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CchcSite.Content.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CchcSite.Content.Rendering;

/// <summary>
/// Markdown is stored as written and rendered on output: raw HTML in the source is escaped by Markdig,
/// and the rendered HTML is sanitised again so that nothing a writer types can run script, restyle or
/// re-identify the page, or make the reader's browser fetch from another host.
/// </summary>
/// <remarks>
/// The writer gets no say over attributes: the generic-attributes syntax (<c>{style=… #id .class}</c>) and the
/// custom containers (whose name becomes a class) are not in the pipeline, and the sanitiser keeps no
/// <c>style</c> and only the ids this renderer generates. Media links are off too: they would embed players
/// from other hosts.
/// </remarks>
public sealed partial class MarkdownRenderer
{
    /// <summary>
    /// Heading ids start with this so that a heading such as "Tệp đính kèm" or "Nội dung" cannot take an id the
    /// layout uses (the layout's ids never start with it).
    /// </summary>
    public const string HeadingIdPrefix = "tieu-muc-";

    /// <summary>
    /// The version of what <see cref="ToHtml"/> makes of a post. Posts keep their rendered body (Post.BodyHtml); raise
    /// this with any change to the pipeline or the sanitiser, and every stored body is rendered again.
    /// </summary>
    public const int Version = 1;

    private const string ExternalRel = "noopener noreferrer";

    /// <summary>The theme's classes for aligned table columns (site.css, print.css).</summary>
    private static readonly Dictionary<TableColumnAlign, string> AlignmentClasses = new()
    {
        [TableColumnAlign.Left] = "align-left",
        [TableColumnAlign.Center] = "align-center",
        [TableColumnAlign.Right] = "align-right",
    };

    /// <summary>
    /// Every table is wrapped in a box of this class that scrolls sideways on its own (site.css): a plan appendix is
    /// wider than a phone, and its cells must keep whole words rather than break "Tháng" into "Th/án/g".
    /// </summary>
    public const string TableWrapClass = "table-wrap";

    /// <summary>The wrapper's name for screen readers; it is focusable so that a keyboard can scroll it.</summary>
    public const string TableWrapLabel = "Bảng (cuộn ngang để xem hết)";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAlertBlocks()
        .UseAbbreviations()
        .UseCitations()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UseMathematics()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseDiagrams()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    // Made at first use: the first sanitiser's type initialisers (AngleSharp's CSS tables, HtmlSanitizer's compiled
    // regular expressions) took a third of the database setup's CPU at every start, because the post-body interceptor,
    // and so this renderer, is built with the first database context; the first page needs neither (docs/perf.md,
    // "Delivery").
    private readonly Lazy<HtmlSanitizer> _posts = new(() => CreateSanitizer(ExternalRel, GeneratedId()));

    /// <summary>
    /// Answers are written by hotline officers for one citizen and shown many on a page: the site does not vouch
    /// for their links (nofollow), and they carry no ids, which would repeat from answer to answer.
    /// </summary>
    private readonly Lazy<HtmlSanitizer> _answers = new(() => CreateSanitizer(ExternalRel + " nofollow", keepId: null));

    /// <summary>A post's body, written by an editor.</summary>
    public string ToHtml(string markdown) => _posts.Value.Sanitize(Render(markdown, headingIds: true));

    /// <summary>An answer to a citizen's question or feedback, written by a hotline officer.</summary>
    public string AnswerToHtml(string markdown) => _answers.Value.Sanitize(Render(markdown, headingIds: false));

    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, _pipeline);

    private string Render(string markdown, bool headingIds)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        if (headingIds)
            AssignHeadingIds(document);
        AlignCellsByClass(document);
        return WrapTables(document.ToHtml(_pipeline));
    }

    /// <summary>
    /// Markdig writes tables as a bare <c>&lt;table&gt;</c> and escapes every "&lt;" of the writer's text and
    /// attributes, so these two tags are the tables and nothing else; the sanitiser then finishes the wrapper.
    /// </summary>
    private static string WrapTables(string html) =>
        html.Contains("<table>", StringComparison.Ordinal)
            ? html.Replace("<table>", $"<div class=\"{TableWrapClass}\"><table>", StringComparison.Ordinal)
                .Replace("</table>", "</table></div>", StringComparison.Ordinal)
            : html;

    /// <summary>"## Sáu lĩnh vực" → id "tieu-muc-sau-linh-vuc", once per document (a repeated heading gets "-2").</summary>
    private static void AssignHeadingIds(MarkdownDocument document)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var slug = Slug.From(TextOf(heading.Inline));
            var id = Slug.Unique(HeadingIdPrefix + (slug.Length == 0 ? "muc" : slug), taken.Contains);
            taken.Add(id);
            heading.GetAttributes().Id = id;
        }
    }

    private static string TextOf(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var leaf in inline?.Descendants<LeafInline>() ?? [])
        {
            if (leaf is LiteralInline literal)
                text.Append(literal.Content);
            else if (leaf is CodeInline code)
                text.Append(code.Content);
            else
                text.Append(' ');
        }
        return text.ToString();
    }

    /// <summary>
    /// Markdig aligns table columns with a style attribute, which the content security policy would refuse and the
    /// sanitiser strips: the cells get a class of the theme instead, and grid-table column widths are dropped.
    /// </summary>
    private static void AlignCellsByClass(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            var columns = table.ColumnDefinitions;
            if (columns.Count == 0)
                continue;
            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];
                    var index = Math.Min(cell.ColumnIndex >= 0 && cell.ColumnIndex < columns.Count ? cell.ColumnIndex : i, columns.Count - 1);
                    if (columns[index].Alignment is { } alignment)
                        cell.GetAttributes().AddClass(AlignmentClasses[alignment]);
                }
            }
            foreach (var column in columns)
            {
                column.Alignment = null;
                column.Width = 0;
            }
        }
    }

    private static HtmlSanitizer CreateSanitizer(string externalRel, Regex? keepId)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto", "tel"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("id");
        // Classes are the theme's to give: only the table alignments set above pass.
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedClasses.UnionWith(AlignmentClasses.Values);
        sanitizer.AllowedClasses.Add(TableWrapClass);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
                return;
            // Only the ids generated above (and Markdig's footnote ids) survive; nothing can duplicate the layout's.
            if (element.Id is { } id && (keepId is null || !keepId.IsMatch(id)))
                element.RemoveAttribute("id");
            // The table wrapper (only this renderer writes the class): a named region a keyboard can scroll.
            if (element.LocalName == "div" && element.ClassList.Contains(TableWrapClass))
            {
                element.SetAttribute("role", "region");
                element.SetAttribute("tabindex", "0");
                element.SetAttribute("aria-label", TableWrapLabel);
            }
            // Links that leave the site must not hand the portal's window to the target.
            if (element is IHtmlAnchorElement anchor && anchor.GetAttribute("href") is { } href && !IsOnThisSite(href))
                anchor.SetAttribute("rel", externalRel);
            // An image from another host would tell that host who reads the page, in the site, its downloaded
            // copy and every API consumer: it becomes a link the reader may follow.
            if (element is IHtmlImageElement image && image.GetAttribute("src") is { } src && !IsOnThisSite(src))
            {
                var link = e.Document.CreateElement("a");
                link.SetAttribute("href", src);
                link.SetAttribute("rel", externalRel);
                var alt = image.GetAttribute("alt")?.Trim();
                link.TextContent = $"Ảnh ở trang ngoài: {(string.IsNullOrEmpty(alt) ? HostOf(src) : alt)}";
                e.ReplacementNodes.Add(link);
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// A path on this site ("/tep/12/anh.jpg", "anh.jpg", "#tieu-muc-1"), as opposed to another host
    /// ("https://…", "//host/…", "/\host/…"). Tabs and newlines are dropped first, as browsers drop them.
    /// </summary>
    internal static bool IsOnThisSite(string url)
    {
        var cleaned = url.Trim().Replace("\t", "").Replace("\n", "").Replace("\r", "");
        if (cleaned.StartsWith('/') || cleaned.StartsWith('\\'))
            return cleaned.Length == 1 || cleaned[1] is not ('/' or '\\');
        var colon = cleaned.IndexOf(':');
        var slash = cleaned.IndexOfAny(['/', '\\', '?', '#']);
        // A colon before any slash is a scheme: http:, mailto:, tel: all leave the page's origin.
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url, UriKind.Absolute, out var uri) ? uri.Host : url;

    [GeneratedRegex("^(" + HeadingIdPrefix + "[a-z0-9-]+|fn:[0-9]+|fnref:[0-9]+)$")]
    private static partial Regex GeneratedId();
}
