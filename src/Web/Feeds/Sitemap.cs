using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Xml;
using CchcSite.Content.Feeds;
using CchcSite.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Feeds;

/// <summary>Bound from the "Sitemap" configuration section.</summary>
public sealed class SitemapOptions
{
    public const string Section = "Sitemap";

    /// <summary>Addresses per sitemap file; the protocol allows at most 50,000. Past it, /sitemap.xml becomes an index of files.</summary>
    [Range(1, Sitemap.MaxAddresses, ErrorMessage = "must be from 1 to 50000 (the sitemap protocol's limit)")]
    public int PageSize { get; set; } = Sitemap.MaxAddresses;
}

/// <summary>
/// <c>/sitemap.xml</c>: every public address with the date it last changed; when there are more than one file may
/// hold, an index of <c>/sitemap/1.xml</c>, <c>/sitemap/2.xml</c>… instead.
/// </summary>
public sealed class Sitemap(PublicAddresses addresses, PublicUrls urls, IOptions<SitemapOptions> options)
{
    public const int MaxAddresses = 50_000;
    public const string Path = "/sitemap.xml";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>One file of an indexed sitemap, under a word no unit may take (a unit address would otherwise match it too).</summary>
    public static string PagePath(int page) => $"/sitemap/{page}.xml";

    private int PageSize => options.Value.PageSize;

    /// <summary>The whole sitemap when it fits in one file, else the index of its files.</summary>
    public async Task<IResult> RootAsync(CancellationToken ct)
    {
        var count = await addresses.CountAsync(ct);
        if (count <= PageSize)
            return UrlSet(await addresses.SliceAsync(0, PageSize, ct));
        var pages = (int)((count + PageSize - 1) / PageSize);
        return new XmlAnswer("application/xml", this, writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            for (var page = 1; page <= pages; page++)
            {
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, urls.Absolute(PagePath(page)));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    /// <summary>One file of an indexed sitemap; null when the sitemap has no such file (or fits in one, at /sitemap.xml).</summary>
    public async Task<IResult?> PageAsync(int page, CancellationToken ct)
    {
        var count = await addresses.CountAsync(ct);
        if (count <= PageSize || page < 1 || (long)(page - 1) * PageSize >= count)
            return null;
        return UrlSet(await addresses.SliceAsync((long)(page - 1) * PageSize, PageSize, ct));
    }

    private XmlAnswer UrlSet(IReadOnlyList<PublicAddress> slice) => new("application/xml", this, writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        foreach (var address in slice)
        {
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, urls.Absolute(address.Path));
            if (address.LastModified is { } changed)
                writer.WriteElementString("lastmod", Namespace,
                    DateTime.SpecifyKind(changed, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    });
}
