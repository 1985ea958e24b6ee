using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A citizen reads the index results: the overview, another index and year chosen with the form, then a unit's trend. Every
/// page passes axe on a phone, and at 360 px the charts fit without sideways scrolling of the page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class IndexPagesTests(SiteFixture site)
{
    [Fact]
    public async Task A_citizen_changes_the_index_and_year_and_opens_a_units_trend()
    {
        var page = await site.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/chi-so", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("PAR INDEX");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "/chi-so");

        await page.GetByLabel("Chỉ số", new() { Exact = true }).SelectOptionAsync("SIPAS");
        await page.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync("2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem kết quả" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("chi-so=SIPAS&nam=2022$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("(SIPAS) năm 2022");
        // The chart is an image with a name, beside the ranked table.
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2022: các tỉnh, thành phố" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "UBND tỉnh Sóc Trăng" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ubnd-tinh-soc-trang/chi-so$"));
        await Assertions.Expect(page.Locator(".index-sentence").First).ToContainTextAsync("UBND tỉnh Sóc Trăng xếp thứ");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "/ubnd-tinh-soc-trang/chi-so");
    }

    [Theory]
    [InlineData("/chi-so?chi-so=PAR_INDEX&nam=2023")]
    [InlineData("/so-gddt-soc-trang/chi-so")]
    public async Task The_charts_fit_a_360_px_phone(string path)
    {
        var small = await site.NewPageAsync(width: 360, height: 740);
        await PhoneLayoutTests.AssertFitsAsync(small, path);
        var chart = await small.Locator(".chart svg").First.BoundingBoxAsync();
        Assert.NotNull(chart);
        Assert.True(chart.X >= 0 && chart.X + chart.Width <= 360, $"{path}: chart from {chart.X} to {chart.X + chart.Width}");
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await small.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"chi-so-360{(path.Contains("gddt") ? "-don-vi" : "")}.png"), FullPage = true,
        });
    }
}
