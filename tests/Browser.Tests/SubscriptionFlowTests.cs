using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A citizen on a phone subscribes to a unit's news, follows the link in the confirmation mail, receives the alert when an
/// approver publishes, and unsubscribes with one click from the alert — all through the real SMTP server of the tests.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SubscriptionFlowTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;

    private static string PathIn(MimeKit.MimeMessage message, string path) =>
        Regex.Match(message.TextBody ?? "", $@"https?://[^\s]+({Regex.Escape(path)}\?t=[^\s]+)") is { Success: true } match
            ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"No {path} link in: {message.TextBody}");

    [Fact]
    public async Task A_citizen_subscribes_confirms_from_the_mail_gets_the_alert_and_unsubscribes_in_one_click()
    {
        const string email = "doc.gia.dien.thoai@example.vn";
        var page = await site.NewPageAsync(390, 844);
        await page.GotoAsync($"/{Unit}/dang-ky-nhan-tin");
        await page.GetByLabel("Địa chỉ thư điện tử (*)").FillAsync(email);
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Phòng Giáo dục và Đào tạo thị xã Ngã Năm" })).ToBeCheckedAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the subscribe form on a phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Vui lòng kiểm tra hộp thư");
        await SiteFixture.ScreenshotAsync(page, "subscribe-sent-390");

        var confirmation = await site.MailAsync(email, "Xác nhận");
        await page.GotoAsync(PathIn(confirmation, "/dang-ky-nhan-tin/xac-nhan"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Đã xác nhận đăng ký");

        // An approver publishes a post of the unit that an editor submitted.
        var title = "Ngã Năm mở lớp tập huấn dịch vụ công trực tuyến cho phụ huynh";
        var id = await site.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var post = new Post
            {
                UnitId = await db.Units.Where(u => u.Slug == Unit).Select(u => u.Id).SingleAsync(), Kind = PostKind.Article,
                Slug = "tap-huan-dich-vu-cong-cho-phu-huynh", Title = title, Summary = "Lớp tập huấn giúp phụ huynh nộp hồ sơ trực tuyến.",
                BodyMarkdown = "Nội dung bài viết.", Status = PostStatus.InReview, AuthorId = "bien-tap-vien", LastEditorId = "bien-tap-vien",
                CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
        await site.AddUserAsync("duyet-tin-nhan-tin@gddt.test", (Unit, UnitRole.Approver));
        var approver = await site.SignInAsync("duyet-tin-nhan-tin@gddt.test");
        await approver.GotoAsync($"/quan-tri/bai-viet/{id}");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt và đăng" }).ClickAsync();
        await Assertions.Expect(approver.Locator(".meta").First).ToContainTextAsync("Đã đăng");

        var alert = await site.MailAsync(email, title);
        Assert.Contains("Lớp tập huấn giúp phụ huynh nộp hồ sơ trực tuyến.", alert.TextBody);
        await page.GotoAsync(PathIn(alert, "/dang-ky-nhan-tin/huy"));
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the unsubscribe page on a phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy nhận tin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đã hủy nhận tin" })).ToBeVisibleAsync();
        await SiteFixture.ScreenshotAsync(page, "unsubscribed-390");
        Assert.Equal(SubscriptionStatus.Unsubscribed,
            await site.WithDbAsync(db => db.Subscriptions.Where(s => s.Email == email).Select(s => s.Status).SingleAsync()));
    }
}
