using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcSite.Browser.Tests;

/// <summary>Tags are browsable (issue 26, lists): on a phone a reader follows a post's tag to the list of its posts.</summary>
[Collection(SiteCollection.Name)]
public sealed class TagPageTests(SiteFixture site)
{
    /// <summary>A seeded post of the test unit tagged "đường dây nóng", as are posts of other units.</summary>
    private const string TaggedPost = $"/{SiteFixture.UnitSlug}/thong-bao/thong-bao-so-dien-thoai-duong-day-nong-tiep-nhan-phan-anh-kien-nghi-ve-cai-cach-hanh-chinh";

    [Fact]
    public async Task A_reader_follows_a_posts_tag_to_the_tag_page_on_a_phone()
    {
        var page = await site.NewPageAsync(390, 844);
        await page.GotoAsync(TaggedPost, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.Locator(".tags").GetByRole(AriaRole.Link, new() { Name = "đường dây nóng", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/the/duong-day-nong$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Từ khóa: đường dây nóng");
        // The post the reader came from is among the tag's posts, with posts of other units.
        await Expect(page.Locator($".card__title a[href='{TaggedPost}']")).ToBeVisibleAsync();
        Assert.True(await page.Locator(".card").CountAsync() >= 2);
        await PhoneLayoutTests.AssertFitsAsync(page, "/the/duong-day-nong");
        await page.ScreenshotAsync(new() { Path = PublicPortalTests.Artefact("tag-390.png"), FullPage = true });
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "/the/duong-day-nong");
    }
}
