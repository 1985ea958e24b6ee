using CchcSite.Content.Rendering;
using CchcSite.Content.Units;

namespace CchcSite.Content.Site;

/// <summary>A unit's "Giới thiệu" tab: <c>/{unit}/gioi-thieu</c>, its Markdown parts rendered by the posts' pipeline.</summary>
public sealed record UnitAboutPage(UnitProfilePage About, string? FunctionsHtml, string? OrganisationHtml, IReadOnlyList<Breadcrumb> Trail)
    : SitePage("Giới thiệu " + About.Unit.Unit.Name, Trail)
{
    public const string Segment = "gioi-thieu";
}

/// <summary>The unit's organisation and contacts in English: <c>/{unit}/en</c>, the page Decree 42/2022 asks for foreign readers.</summary>
public sealed record UnitEnglishPage(UnitProfilePage About, IReadOnlyList<Breadcrumb> Trail)
    : SitePage(About.Profile.EnglishName ?? About.Unit.Unit.Name, Trail)
{
    public const string Segment = "en";
}

/// <summary>The site-wide contact page: who runs the portal, and how to reach every unit.</summary>
public sealed record ContactPage(IReadOnlyList<(UnitNode Unit, int Depth)> Units)
    : SitePage("Liên hệ", [new("Trang chủ", "/"), new("Liên hệ", null)])
{
    public const string Path = "/lien-he";
}

/// <summary>Builds the pages that say who the units are and how to reach them.</summary>
public sealed class AboutPageBuilder(UnitProfiles profiles, UnitDirectory units, SitePageBuilder pages, MarkdownRenderer markdown)
{
    public async Task<UnitAboutPage?> UnitAsync(string slug, CancellationToken ct) =>
        await profiles.FindAsync(slug, ct) is { } about
            ? new UnitAboutPage(about, Html(about.Profile.Functions), Html(about.Profile.Organisation),
                [.. await pages.UnitTrailAsync(slug, ct), new("Giới thiệu", null)])
            : null;

    public async Task<UnitEnglishPage?> EnglishAsync(string slug, CancellationToken ct) =>
        await profiles.FindAsync(slug, ct) is { } about
            ? new UnitEnglishPage(about, [.. await pages.UnitTrailAsync(slug, ct), new("English", null)])
            : null;

    public async Task<ContactPage> ContactAsync(CancellationToken ct) =>
        new((await units.RootsAsync(ct)).SelectMany(root => root.SelfAndDescendantsWithDepth()).ToList());

    private string? Html(string? text) => text is null ? null : markdown.ToHtml(text);
}
