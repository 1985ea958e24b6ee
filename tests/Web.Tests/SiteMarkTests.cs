using System.Net;
using CchcSite.Testing;

namespace CchcSite.Web.Tests;

/// <summary>
/// The site's own mark (issue 26, identity): a configured SVG shown in the header and in a unit's section header,
/// served from the site's own address as it is on disk, unable to run anything when opened on its own.
/// </summary>
public sealed class SiteMarkTests(SiteMarkTests.MarkSite site) : IClassFixture<SiteMarkTests.MarkSite>
{
    private const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#a5161d"/></svg>""";

    public sealed class MarkSite : SiteFactory
    {
        public string MarkFile => Path.Combine(DataDirectory, "mark", "Quoc-Huy.SVG");

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                Directory.CreateDirectory(Path.GetDirectoryName(MarkFile)!);
                File.WriteAllText(MarkFile, Svg);
                return new Dictionary<string, string?> { ["Site:MarkPath"] = MarkFile };
            }
        }
    }

    [Fact]
    public async Task The_configured_mark_is_served_from_the_site_and_shown_in_the_header_and_the_units_section()
    {
        var client = site.CreateClient();
        var home = await client.GetStringAsync("/");
        Assert.Contains("<img class=\"site-brand__mark\" src=\"/dau-hieu.svg\"", home);

        var mark = await client.GetAsync("/dau-hieu.svg");
        Assert.Equal(HttpStatusCode.OK, mark.StatusCode);
        Assert.Equal("image/svg+xml", mark.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Svg, await mark.Content.ReadAsStringAsync());
        Assert.Contains("sandbox", mark.Headers.GetValues("Content-Security-Policy").Single());

        var unit = await client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}");
        Assert.Contains("<img class=\"unit-header__mark\" src=\"/dau-hieu.svg\"", unit);
        // The unit's parent is named above its own name.
        Assert.Contains($"<p class=\"unit-header__parent\"><a href=\"/{SeedFacts.Units.UbndTinhSocTrang}\">", unit);
    }
}

/// <summary>With no mark configured, the header shows the theme's mark and no mark address answers.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class DefaultSiteMarkTests(SiteFactory site)
{
    [Fact]
    public async Task Without_a_configured_mark_the_themes_mark_is_shown_and_no_mark_address_answers()
    {
        var client = site.CreateClient();
        Assert.Contains("<img class=\"site-brand__mark\" src=\"/_content/CchcSite.Themes.Default/favicon.svg\"", await client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dau-hieu.svg")).StatusCode);
    }
}
