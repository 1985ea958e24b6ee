using CchcSite.Content.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>The post form's writing aids used from the keyboard only: the Markdown toolbar and the image dialog.</summary>
[Collection(SiteCollection.Name)]
public sealed class WritingAidsTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.UbndThiXaNgaNam;
    private const string Alt = "Bộ phận một cửa thị xã Ngã Năm tiếp nhận hồ sơ";

    [Fact]
    public async Task Bold_and_an_image_from_the_library_are_written_with_the_keyboard_alone()
    {
        await site.AddUserAsync("viet-bai@ngaman.test", (Unit, UnitRole.Editor));
        var page = await site.SignInAsync("viet-bai@ngaman.test", 1366, 900);
        await page.GotoAsync($"/quan-tri/thu-vien?don-vi={Unit}");
        await page.GetByLabel("Tệp (bắt buộc)").SetInputFilesAsync(EditorFlowTests.SeedImage());
        await page.GetByLabel("Mô tả ảnh", new() { Exact = false }).FillAsync(Alt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.GetByText(Alt).First).ToBeVisibleAsync();

        await page.GotoAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}&loai=Article");
        await page.GetByLabel("Tiêu đề (bắt buộc)").FillAsync("Thị xã Ngã Năm nâng cấp bộ phận một cửa");
        var body = page.GetByLabel("Nội dung (Markdown)");
        await body.FocusAsync();
        await page.Keyboard.TypeAsync("Bộ phận một cửa ");
        // Back one stop is the toolbar, on its first button; the arrow key moves to "bold".
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tiêu đề mục" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chữ đậm (Ctrl+B)" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("đã hoạt động");
        await Assertions.Expect(body).ToHaveValueAsync("Bộ phận một cửa **đã hoạt động**");
        await Assertions.Expect(page.Locator("#xem-truoc-noi-dung strong")).ToHaveTextAsync("đã hoạt động");

        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chèn ảnh" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Chèn ảnh từ thư viện của đơn vị" });
        await Assertions.Expect(dialog.GetByRole(AriaRole.Radio, new() { Name = Alt })).ToBeFocusedAsync();
        await Assertions.Expect(dialog.Locator("img").First).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await dialog.Locator("img").First.EvaluateAsync<bool>("img => img.naturalWidth > 0"), "the thumbnail loads");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the image dialog");
        await SiteFixture.ScreenshotAsync(page, "image-dialog-1366");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Chèn vào nội dung" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(body).ToBeFocusedAsync();
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\*\*đã hoạt động\*\*\n\n!\[" + Alt + @"\]\(/tep/\d+/[^)]+\)\n$"));
        await Assertions.Expect(page.Locator("#xem-truoc-noi-dung img")).ToHaveAttributeAsync("alt", Alt);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the post form with its toolbar");
        await SiteFixture.ScreenshotAsync(page, "post-form-1366");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp.");
        var saved = await site.WithDbAsync(db => db.Posts.Where(p => p.Title == "Thị xã Ngã Năm nâng cấp bộ phận một cửa").Select(p => p.BodyMarkdown).SingleAsync());
        Assert.StartsWith("Bộ phận một cửa **đã hoạt động**\n\n![" + Alt + "](/tep/", saved);
    }
}
