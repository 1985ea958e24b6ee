using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using CchcSite.Content.Feeds;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Search;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CchcSite.Web.Feeds;

/// <summary>
/// Builds each page's <see cref="PageDiscovery"/> from the read model it renders: the canonical address (never one
/// with query values the page ignores), the feeds of what it lists, the image and text a share shows, and its
/// structured data (schema.org's NewsArticle for a post, GovernmentOrganization for a unit, BreadcrumbList for the trail).
/// </summary>
public sealed class PageDiscoveries(PublicUrls urls, SiteIdentity site)
{
    private const int DescriptionLength = 200;
    private const int ShareImageWidth = 1200;

    /// <summary>
    /// Escapes &lt; &gt; &amp; and quotes even with every letter allowed, so Vietnamese stays readable and no title can
    /// close the script element the JSON-LD sits in.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private const string HomeDescription = "Tin tức, văn bản chỉ đạo, điều hành, video và mô hình hay về cải cách hành chính của các cơ quan, đơn vị.";

    public PageDiscovery For(SitePage page) => page switch
    {
        HomePage home => Home(home),
        UnitSectionPage section => Unit(section),
        PostPage post => Post(post),
        CategoryPage category => Listing(category, Paged(category.BaseUrl, category.Posts.Page),
            $"Tin, bài và văn bản về {category.Category.Name}.", FirstCover(category.Posts.Items), new FeedScope(Category: category.Category)),
        TagPage tag => Listing(tag, Paged(tag.BaseUrl, tag.Posts.Page),
            $"Tin, bài và văn bản gắn từ khóa {tag.Tag.Name}.", FirstCover(tag.Posts.Items), FeedScope.Site),
        CategoryIndexPage index => Listing(index, "/linh-vuc", "Sáu lĩnh vực của chương trình cải cách hành chính nhà nước.", null, FeedScope.Site),
        QuestionColumnPage column => Listing(column, Paged(ColumnPath(column), column.Questions.Page),
            "Câu hỏi của người dân, doanh nghiệp và câu trả lời của cơ quan, đơn vị.", null, FeedScope.Site),
        QuestionPage question => Listing(question, question.Question.Url, Shorten(question.Question.Text), null, FeedScope.Site),
        UnitAboutPage about => About(about, about.About, UnitAboutPage.Segment, "vi"),
        UnitEnglishPage english => About(english, english.About, UnitEnglishPage.Segment, "en"),
        ContactPage contact => Listing(contact, ContactPage.Path, "Cơ quan chủ quản, người chịu trách nhiệm nội dung và thông tin liên hệ của các cơ quan, đơn vị.", null, FeedScope.Site),
        // Search results, forms, the tracking lookup and error pages: no address worth keeping in an index.
        _ => new PageDiscovery(page.Title, page.Description, null, null, [FeedScope.Site.LinkFor(site.Name, urls)]),
    };

    private PageDiscovery Home(HomePage home)
    {
        var data = new JsonObject
        {
            ["@type"] = "WebSite",
            ["name"] = site.Name,
            ["url"] = urls.Absolute("/"),
            ["inLanguage"] = "vi",
            ["potentialAction"] = new JsonObject
            {
                ["@type"] = "SearchAction",
                ["target"] = urls.Absolute("/tim-kiem?q={search_term_string}"),
                ["query-input"] = "required name=search_term_string",
            },
        };
        var feeds = PostKindSegments.All.Select(kind => new FeedScope(Kind: kind)).Prepend(FeedScope.Site);
        return new PageDiscovery(site.Name, home.Description ?? HomeDescription, urls.Absolute("/"),
            FirstCover(home.News.Concat(home.Documents).Concat(home.Videos)), Links(feeds)) { JsonLd = Graph(data) };
    }

    private PageDiscovery Unit(UnitSectionPage section)
    {
        var unit = section.Unit;
        var canonical = urls.Absolute(Paged(section.BaseUrl, section.Posts.Page));
        var feeds = section.Tab is { } tab ? [new FeedScope(unit.Unit, tab), new FeedScope(unit.Unit)] : new[] { new FeedScope(unit.Unit) };
        var description = unit.Description is { } text ? Shorten(text)
            : $"Chuyên trang cải cách hành chính của {unit.Unit.Name}: tin tức, văn bản, video, mô hình hay và thông báo.";
        return new PageDiscovery(section.Title, section.Description ?? description, canonical,
            FirstCover(section.Posts.Items.Concat(section.Overview.SelectMany(o => o.Latest))), Links(feeds))
        {
            JsonLd = Graph(UnitOrganisation(unit), Trail(section, canonical)),
        };
    }

    /// <summary>A unit's "Giới thiệu" page and its English version, each pointing at the other (hreflang).</summary>
    private PageDiscovery About(SitePage page, UnitProfilePage about, string segment, string language)
    {
        var slug = about.Unit.Unit.Slug;
        var canonical = urls.Absolute($"/{slug}/{segment}");
        var organisation = UnitOrganisation(about.Unit);
        if (about.Profile.EnglishName is { } englishName)
            organisation["alternateName"] = new JsonArray(about.Unit.Unit.ShortName, englishName);
        var description = language == "en"
            ? about.Profile.EnglishIntro is { } intro ? Shorten(intro) : $"Organisation and contacts of {about.Profile.EnglishName ?? about.Unit.Unit.Name}."
            : $"Chức năng, nhiệm vụ, cơ cấu tổ chức, lãnh đạo và thông tin liên hệ của {about.Unit.Unit.Name}.";
        return new PageDiscovery(page.Title, page.Description ?? description, canonical, null, Links([new FeedScope(about.Unit.Unit)]))
        {
            Language = language,
            Languages = [new("vi", urls.Absolute($"/{slug}/{UnitAboutPage.Segment}")), new("en", urls.Absolute($"/{slug}/{UnitEnglishPage.Segment}"))],
            JsonLd = Graph(organisation, Trail(page, canonical)),
        };
    }

    /// <summary>The unit as schema.org's GovernmentOrganization, with its contact details and sub-units.</summary>
    private JsonObject UnitOrganisation(UnitNode unit)
    {
        var organisation = Organisation(unit.Unit);
        organisation["alternateName"] = unit.Unit.ShortName;
        if (unit.Description is { } about)
            organisation["description"] = Shorten(about);
        if (unit.Contact.Address is { } address)
            organisation["address"] = address;
        if (unit.Contact.Phone is { } phone)
            organisation["telephone"] = phone;
        if (unit.Contact.Email is { } email)
            organisation["email"] = email;
        if (unit.Children.Count > 0)
            organisation["subOrganization"] = new JsonArray(unit.Children.Select(child => (JsonNode)Organisation(child.Unit)).ToArray());
        return organisation;
    }

    private PageDiscovery Post(PostPage page)
    {
        var post = page.Post;
        var card = post.Card;
        var canonical = urls.Absolute(card.Url);
        var image = card.Cover is { } cover ? Shared(cover) : null;
        var modified = post.UpdatedAt > card.PublishedAt ? post.UpdatedAt : card.PublishedAt;
        var article = new JsonObject
        {
            ["@type"] = "NewsArticle",
            ["headline"] = card.Title,
            ["url"] = canonical,
            ["mainEntityOfPage"] = canonical,
            ["datePublished"] = VietnamIso(card.PublishedAt),
            ["dateModified"] = VietnamIso(modified),
            ["inLanguage"] = "vi",
            ["articleSection"] = PostKindSegments.Of(card.Kind).SingularName,
            ["author"] = Organisation(card.Unit, card.IssuingUnitName),
            ["publisher"] = Organisation(card.Unit),
        };
        if (card.Summary is { } summary)
            article["description"] = summary;
        if (image is not null)
            article["image"] = new JsonArray(image.Url);
        if (post.Tags.Count > 0)
            article["keywords"] = string.Join(", ", post.Tags.Select(t => t.Name));
        if (card.Category is { } category)
            article["about"] = category.Name;
        var kind = PostKindSegments.Of(card.Kind);
        return new PageDiscovery(card.Title, page.Description ?? card.Summary ?? card.Title, canonical, image,
            Links([new FeedScope(card.Unit, kind), new FeedScope(card.Unit)]))
        {
            OpenGraphType = "article",
            PublishedAt = card.PublishedAt,
            ModifiedAt = modified,
            JsonLd = Graph(article, Trail(page, canonical)),
        };
    }

    private PageDiscovery Listing(SitePage page, string path, string description, SharedImage? image, FeedScope feed)
    {
        var canonical = urls.Absolute(path);
        return new PageDiscovery(page.Title, page.Description ?? description, canonical, image, Links([feed]))
        {
            JsonLd = Trail(page, canonical) is { } trail ? Graph(trail) : null,
        };
    }

    /// <summary>The page's feeds, then the whole site's, each once.</summary>
    private IReadOnlyList<FeedLink> Links(IEnumerable<FeedScope> scopes) =>
        scopes.Append(FeedScope.Site).Distinct().Select(scope => scope.LinkFor(site.Name, urls)).ToList();

    private JsonObject Organisation(UnitRef unit, string? name = null) => new()
    {
        ["@type"] = "GovernmentOrganization",
        ["name"] = name ?? unit.Name,
        ["url"] = urls.Absolute("/" + unit.Slug),
    };

    /// <summary>The trail as a BreadcrumbList; the last crumb, the page itself, has the canonical address. Null for a page without a trail.</summary>
    private JsonObject? Trail(SitePage page, string canonical) => page.Breadcrumbs.Count < 2 ? null : new JsonObject
    {
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new JsonArray(page.Breadcrumbs.Select((crumb, index) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = index + 1,
            ["name"] = crumb.Name,
            ["item"] = crumb.Url is { } url ? urls.Absolute(url) : canonical,
        }).ToArray()),
    };

    private static string Graph(params JsonObject?[] items) => new JsonObject
    {
        ["@context"] = "https://schema.org",
        ["@graph"] = new JsonArray(items.Where(item => item is not null).Select(item => (JsonNode)item!).ToArray()),
    }.ToJsonString(Json);

    private SharedImage? FirstCover(IEnumerable<PostCard> cards) => cards.FirstOrDefault(c => c.Cover is not null)?.Cover is { } cover ? Shared(cover) : null;

    /// <summary>The variant social networks show best (about 1200 pixels wide, not WebP, which some of them refuse), else the original.</summary>
    private SharedImage Shared(ImageRef image)
    {
        var url = image.UrlFor(ShareImageWidth);
        var source = image.Sources?.FirstOrDefault(s => s.Url == url);
        return new SharedImage(urls.Absolute(url), image.Alt, source?.Width ?? image.Width, source?.Height ?? image.Height);
    }

    /// <summary>The column's address with the field it is filtered by: search words give no page of their own.</summary>
    private static string ColumnPath(QuestionColumnPage column) =>
        column.CategorySlug is { } field ? $"{column.Path}?linh-vuc={Uri.EscapeDataString(field)}" : column.Path;

    private static string Paged(string path, int page) => page <= 1 ? path : $"{path}{(path.Contains('?') ? '&' : '?')}trang={page}";

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= DescriptionLength)
            return flat;
        var cut = flat.LastIndexOf(' ', DescriptionLength);
        return flat[..(cut > 0 ? cut : DescriptionLength)] + "…";
    }

    private static string VietnamIso(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Hands every page's discovery to the layout.</summary>
    internal sealed class Filter(PageDiscoveries discoveries) : IResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.Result is ViewResult { Model: SitePage page } view)
                view.ViewData[PageDiscovery.ViewDataKey] = discoveries.For(page);
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
