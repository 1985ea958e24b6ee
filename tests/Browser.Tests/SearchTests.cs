using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>A citizen searches the way people type: without diacritics, then narrows to one unit.</summary>
[Collection(SiteCollection.Name)]
public sealed class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task A_query_without_diacritics_finds_highlighted_results_and_filters_by_unit()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Tìm kiếm", new() { Exact = true }).FillAsync("duong day nong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/tim-kiem?**");
        await Assertions.Expect(page.Locator("#ket-qua")).ToContainTextAsync("Tìm thấy");
        var hits = page.Locator("ol.search-hits > li.search-hit");
        Assert.True(await hits.CountAsync() > 0);
        // The folded query highlights the words as written, with their diacritics.
        var marks = await page.Locator(".search-hit__snippet mark, .search-hit__title mark").AllInnerTextsAsync();
        Assert.Contains(marks, m => m.Equals("đường", StringComparison.OrdinalIgnoreCase) || m.Equals("nóng", StringComparison.OrdinalIgnoreCase));

        await page.Locator("#tim-kiem-don-vi").SelectOptionAsync(SeedFacts.Units.SoGddtSocTrang);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**don-vi={SeedFacts.Units.SoGddtSocTrang}**");
        var units = await page.Locator("li.search-hit .card__meta a").AllInnerTextsAsync();
        Assert.NotEmpty(units);
        Assert.All(units, unit => Assert.Equal(SeedFacts.UnitNames.SoGddtSocTrangShort, unit));
        await Assertions.Expect(page.Locator("li.search-hit").First).ToContainTextAsync("Đường dây nóng");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, page.Url);
    }
}
