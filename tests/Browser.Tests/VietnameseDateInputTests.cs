using CchcSite.Content.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// In a browser set to English, a scheduled publish time is still typed and shown as dd/mm/yyyy HH:mm (24-hour, Vietnam
/// time), never as the browser's mm/dd and AM/PM, and stored as the instant it names.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class VietnameseDateInputTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.UbndPhuongThacMo;

    [Fact]
    public async Task An_editor_in_an_english_browser_schedules_a_post_as_dd_mm_yyyy_hh_mm_and_sees_it_back_as_typed()
    {
        await site.AddUserAsync("hen-gio@thacmo.test", (Unit, UnitRole.Editor));
        const string title = "Phường Thác Mơ hẹn giờ đăng lịch tiếp công dân tháng 7";
        var page = await site.SignInAsync("hen-gio@thacmo.test", 1366, 900, locale: "en-US");
        Assert.Equal("en-US", await page.EvaluateAsync<string>("navigator.language"));

        await page.GotoAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}");
        await page.GetByLabel("Tiêu đề (bắt buộc)").FillAsync(title);
        await page.GetByLabel("Nội dung (Markdown)").FillAsync("Lịch tiếp công dân của phường trong tháng 7.");
        var publishAt = page.GetByLabel("Đăng lúc (để trống: khi được duyệt)");
        await Assertions.Expect(publishAt).ToHaveAttributeAsync("type", "text");
        await Assertions.Expect(publishAt).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy hh:mm");
        await publishAt.FillAsync("05/07/2030 14:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp.");

        // Seen back as typed: day first, 24-hour, in Vietnam time, whatever the browser's language.
        await Assertions.Expect(page.GetByLabel("Đăng lúc (để trống: khi được duyệt)")).ToHaveValueAsync("05/07/2030 14:30");
        Assert.Equal(new DateTime(2030, 7, 5, 7, 30, 0, DateTimeKind.Utc),
            await site.WithDbAsync(db => db.Posts.Where(p => p.Title == title).Select(p => p.PublishAt).SingleAsync()));
        await SiteFixture.ScreenshotAsync(page, "date-input-1366");

        // A time the server cannot read comes back as typed, with the form's error summary focused and the title saying so.
        await page.GetByLabel("Đăng lúc (để trống: khi được duyệt)").FillAsync("7/5/2030 2:30 PM");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Lỗi: "));
        await summary.GetByRole(AriaRole.Link, new() { Name = "Thời gian phải có dạng dd/mm/yyyy hh:mm (24 giờ), ví dụ 15/06/2027 08:30." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Đăng lúc (để trống: khi được duyệt)")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Đăng lúc (để trống: khi được duyệt)")).ToHaveValueAsync("7/5/2030 2:30 PM");
        await page.SetViewportSizeAsync(390, 900);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the post form with a refused time at 390 px");
        await SiteFixture.ScreenshotAsync(page, "date-input-error-390");
        Assert.Equal(new DateTime(2030, 7, 5, 7, 30, 0, DateTimeKind.Utc),
            await site.WithDbAsync(db => db.Posts.Where(p => p.Title == title).Select(p => p.PublishAt).SingleAsync()));
    }
}
