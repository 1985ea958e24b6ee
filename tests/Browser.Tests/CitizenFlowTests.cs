using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcSite.Browser.Tests;

/// <summary>What a citizen does: from the home page to a unit's news and documents, by mouse and by keyboard.</summary>
[Collection(SiteCollection.Name)]
public sealed class CitizenFlowTests(SiteFixture site)
{
    [Fact]
    public async Task Home_to_unit_to_news_tab_to_a_post()
    {
        var page = await site.NewPageAsync();
        var home = await page.GotoAsync("/");
        Assert.Equal(200, home?.Status);

        foreach (var heading in new[] { "Tin tức mới", "Văn bản chỉ đạo, điều hành", "Video tuyên truyền", "Chuyên trang CCHC của các đơn vị" })
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 2 })).ToBeVisibleAsync();

        // The unit directory is the region named by its heading.
        var directory = page.GetByRole(AriaRole.Region, new() { Name = "Chuyên trang CCHC của các đơn vị" });
        var unitLink = directory.Locator($"a[href='/{SiteFixture.UnitSlug}']");
        await Expect(unitLink).ToHaveCountAsync(1);
        var unitName = (await unitLink.InnerTextAsync()).Trim();
        await unitLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url($"/{SiteFixture.UnitSlug}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(unitName);

        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "Chuyên mục của đơn vị" });
        foreach (var tab in new[] { "Tổng quan", "Tin tức", "Văn bản", "Video", "Mô hình hay", "Thông báo" })
            await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = tab, Exact = true })).ToBeVisibleAsync();
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Tin tức", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url($"/{SiteFixture.UnitSlug}/tin-tuc"));
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "Tin tức", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        var postLink = page.Locator("main .card__title a").First;
        var title = (await postLink.InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(title), "The first news card has no title.");
        await postLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(site.Url($"/{SiteFixture.UnitSlug}/tin-tuc/"))}[^/?#]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(title)));
    }

    [Fact]
    public async Task Document_post_shows_its_metadata_table()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync($"/{SiteFixture.UnitSlug}/van-ban");
        // The "Văn bản" tab is a register: its rows link each document by its abstract.
        var postLink = page.Locator("main .register-table__abstract a").First;
        var href = await postLink.GetAttributeAsync("href");
        await postLink.ClickAsync();

        await page.WaitForURLAsync("**" + href);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Thông tin văn bản" });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("caption")).ToHaveTextAsync("Thông tin văn bản");
        foreach (var row in new[] { "Số ký hiệu", "Loại văn bản", "Ngày ban hành" })
        {
            var header = table.GetByRole(AriaRole.Rowheader, new() { Name = row, Exact = true });
            await Expect(header).ToBeVisibleAsync();
            var value = (await header.Locator("xpath=following-sibling::td").InnerTextAsync()).Trim();
            Assert.False(string.IsNullOrEmpty(value), $"The document table's row '{row}' has no value.");
        }
    }

    [Fact]
    public async Task First_Tab_reaches_the_skip_link_and_it_moves_focus_to_main()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Expect(focused).ToHaveTextAsync("Bỏ qua, đến nội dung chính");
        await Expect(focused).ToHaveAttributeAsync("href", "#noi-dung");
        // A skip link may hide until focused, but once focused a sighted keyboard user must see it.
        await Expect(focused).ToBeInViewportAsync();
        var box = await focused.BoundingBoxAsync();
        Assert.True(box is { Width: > 1, Height: > 1 }, $"The focused skip link is not visible: its box is {box?.Width}×{box?.Height}.");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        Assert.Equal("noi-dung", await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));

        // The next Tab continues inside the main content, not back at the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab should move to the first link inside main.");
    }

    [Fact]
    public async Task Unknown_unit_shows_the_Vietnamese_404_page()
    {
        const string path = "/don-vi-khong-ton-tai";
        var page = await site.NewPageAsync();

        // Asked outside the page first: a 404 with an empty body makes chromium show its own error page
        // (net::ERR_HTTP_RESPONSE_CODE_FAILURE), and this says so plainly.
        var raw = await page.APIRequest.GetAsync(path);
        var body = await raw.TextAsync();
        Assert.True(raw.Status == 404 && body.Contains("Không tìm thấy trang", StringComparison.Ordinal),
            $"GET {path} should answer 404 with the theme's page \"Không tìm thấy trang\"; it answered {raw.Status} " +
            $"with {(body.Length == 0 ? "an empty body" : $"a body of {body.Length} characters without that heading")} " +
            $"(content-type {raw.Headers.GetValueOrDefault("content-type", "none")}).");

        var response = await page.GotoAsync(path);
        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy trang");
        await Expect(page).ToHaveTitleAsync(new Regex("^Không tìm thấy trang"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Về trang chủ" })).ToHaveAttributeAsync("href", "/");
    }
}
