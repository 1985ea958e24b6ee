namespace CchcSite.Content.Feeds;

/// <summary>
/// How a page presents itself to search engines, feed readers and social networks: what the theme puts in the head
/// (canonical link, feed links, Open Graph and Twitter card, JSON-LD) and the feed and share links it shows. Built by the
/// host from the page's read model, every address absolute and from the configured public address.
/// </summary>
public sealed record PageDiscovery(
    string Title,
    string? Description,
    string? CanonicalUrl,
    SharedImage? Image,
    IReadOnlyList<FeedLink> Feeds)
{
    /// <summary>Where the host leaves it for the layout, in the view data of every page.</summary>
    public const string ViewDataKey = "CchcSite.PageDiscovery";

    /// <summary>Open Graph's type: "article" for a post, "website" for everything else.</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>A post's publication and last change, in UTC.</summary>
    public DateTime? PublishedAt { get; init; }
    public DateTime? ModifiedAt { get; init; }

    /// <summary>
    /// The page's structured data as JSON-LD, ready to go between the tags of a script element: every character that
    /// could end the element or start markup (&lt; &gt; &amp; and quotes inside strings) is escaped, so a title can never close it.
    /// </summary>
    public string? JsonLd { get; init; }

    /// <summary>The language of the page's content (BCP 47): "vi", or "en" for a unit's English page.</summary>
    public string Language { get; init; } = "vi";

    /// <summary>The same page in each language it exists in, itself included, for hreflang links; empty when there is one.</summary>
    public IReadOnlyList<LanguageVersion> Languages { get; init; } = [];

    /// <summary>Facebook's share dialog for the canonical address: a plain link, no Facebook script on our pages.</summary>
    public string? FacebookShareUrl => CanonicalUrl is null ? null : "https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(CanonicalUrl);
}

/// <summary>One language version of a page: its language (BCP 47) and absolute address.</summary>
public sealed record LanguageVersion(string Language, string Url);

/// <summary>The image shown when a page is shared: absolute, with its text alternative and size when known.</summary>
public sealed record SharedImage(string Url, string Alt, int? Width, int? Height);

/// <summary>One feed of the page's posts, in both formats; the first feed of a page is the one it shows a link to.</summary>
public sealed record FeedLink(string Title, string RssUrl, string AtomUrl);
