using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// Sharing a post with no third-party script: the Facebook link, the copy-link button and, where the browser has a
/// share sheet (phones, which offer Zalo there), the "Chia sẻ" button, used from the keyboard as a screen-reader user
/// would, under the site's content security policy.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ShareTests(SiteFixture site)
{
    /// <summary>A stand-in for a phone's share sheet: records what it was given, or refuses like a sheet that cannot open.</summary>
    private const string FakeShareSheet = """
        window.__shared = [];
        navigator.share = (data) => {
          window.__shared.push(data);
          return window.__refuseShare ? Promise.reject(new DOMException("no sheet", "NotAllowedError")) : Promise.resolve();
        };
        """;

    private async Task<(IPage Page, string Canonical, List<string> CspErrors)> OpenPostAsync(int width, bool withShareSheet)
    {
        var page = await site.NewPageAsync(width, 900);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Origin });
        if (withShareSheet)
            await page.AddInitScriptAsync(FakeShareSheet);
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy"))
                cspErrors.Add(message.Text);
        };
        var path = await site.PathOfAsync(SamplePage.Article);
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href");
        Assert.EndsWith(path, canonical);
        return (page, canonical!, cspErrors);
    }

    [Fact]
    public async Task The_copy_link_button_copies_the_posts_address_and_says_so()
    {
        var (page, canonical, cspErrors) = await OpenPostAsync(1366, withShareSheet: false);
        var share = page.GetByRole(AriaRole.Region, new() { Name = "Chia sẻ bài viết" });

        var facebook = share.GetByRole(AriaRole.Link, new() { Name = "Facebook (mở trong cửa sổ mới)" });
        Assert.Equal("https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(canonical), await facebook.GetAttributeAsync("href"));
        // A browser without a share sheet (this desktop chromium) is not offered a button that cannot work.
        Assert.False(await share.GetByRole(AriaRole.Button, new() { Name = "Chia sẻ qua Zalo hoặc ứng dụng khác" }).IsVisibleAsync());

        var copy = share.GetByRole(AriaRole.Button, new() { Name = "Sao chép liên kết" });
        await copy.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(share.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã sao chép liên kết bài viết.");
        Assert.Equal(canonical, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "post page with the share area");
        Assert.Empty(cspErrors);
    }

    [Fact]
    public async Task On_a_phone_the_share_button_opens_the_share_sheet_and_copies_the_link_when_the_sheet_cannot_open()
    {
        var (page, canonical, cspErrors) = await OpenPostAsync(390, withShareSheet: true);
        var share = page.GetByRole(AriaRole.Region, new() { Name = "Chia sẻ bài viết" });
        var button = share.GetByRole(AriaRole.Button, new() { Name = "Chia sẻ qua Zalo hoặc ứng dụng khác" });

        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => window.__shared.length === 1");
        Assert.Equal(canonical, await page.EvaluateAsync<string>("() => window.__shared[0].url"));
        Assert.False(string.IsNullOrEmpty(await page.EvaluateAsync<string>("() => window.__shared[0].title")));

        await page.EvaluateAsync("() => { window.__refuseShare = true; }");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(share.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã sao chép liên kết bài viết.");
        Assert.Equal(canonical, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "post page with the share sheet button");
        Assert.Empty(cspErrors);
    }
}
