using Ganss.Xss;
using Markdig;

namespace CchcSite.Content.Rendering;

/// <summary>
/// Markdown is stored as written and rendered on output: raw HTML in the source is escaped by Markdig,
/// and the rendered HTML is sanitised again so that nothing an editor types can run script.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, _pipeline);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto", "tel"]);
        sanitizer.AllowedAttributes.Add("id");
        // Links that leave the site must not hand the portal's window to the target.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && anchor.Href.StartsWith("http", StringComparison.Ordinal))
                anchor.SetAttribute("rel", "noopener noreferrer");
        };
        return sanitizer;
    }
}
