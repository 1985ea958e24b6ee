using CchcSite.Content.Text;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// An approver of the organising unit creates a contest with a round and a question in the editor area, and it is on /hoi-thi for
/// everyone; the editor pages pass axe and fit a 390 px phone as well as a 1366 px screen.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ContestEditorFlowTests(SiteFixture site)
{
    [Fact]
    public async Task An_approver_creates_a_contest_with_a_question_and_sees_it_on_the_public_contest_list()
    {
        await site.AddUserAsync("to-chuc-hoi-thi@cchc.test", (SiteFixture.UnitSlug, Content.Accounts.UnitRole.Approver));
        var page = await site.SignInAsync("to-chuc-hoi-thi@cchc.test", width: 1366, height: 900);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Hội thi trực tuyến" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo hội thi" }).ClickAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "/quan-tri/hoi-thi/moi");

        var now = DateTime.UtcNow;
        await page.GetByLabel("Tên hội thi (bắt buộc)").FillAsync("Hội thi tìm hiểu Bộ phận Một cửa");
        await page.GetByLabel("Thể lệ (bắt buộc)").FillAsync("Mỗi người dự thi một lần trong mỗi đợt.");
        await page.GetByLabel("Số câu hỏi mỗi lượt thi").FillAsync("1");
        var round = page.GetByRole(AriaRole.Group, new() { Name = "Đợt 1", Exact = true });
        await round.GetByLabel("Mở lúc").FillAsync(VietnamTime.ToLocal(now.AddDays(-1)).ToString("dd/MM/yyyy HH:mm"));
        await round.GetByLabel("Đóng lúc").FillAsync(VietnamTime.ToLocal(now.AddDays(14)).ToString("dd/MM/yyyy HH:mm"));
        await page.GetByLabel("Công bố trên trang Hội thi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo hội thi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo hội thi");
        var contestPath = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm câu hỏi" }).ClickAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("Câu hỏi (bắt buộc)").FillAsync("Hồ sơ thủ tục hành chính được tiếp nhận ở đâu?");
        await page.GetByLabel("Phương án A", new() { Exact = true }).FillAsync("Bộ phận Một cửa");
        await page.GetByLabel("Phương án B", new() { Exact = true }).FillAsync("Phòng văn thư");
        await page.GetByLabel("Phương án A đúng").CheckAsync();
        await page.GetByLabel("Giải thích và nguồn trích dẫn (bắt buộc)").FillAsync("Theo Nghị quyết 76/NQ-CP, cải cách thủ tục hành chính.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu câu hỏi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Câu hỏi của hội thi" })).ToContainTextAsync("Hồ sơ thủ tục hành chính được tiếp nhận ở đâu?");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, contestPath);
        await SiteFixture.ScreenshotAsync(page, "hoi-thi-quan-tri-1366");

        var phone = await site.SignInAsync("to-chuc-hoi-thi@cchc.test", width: 390, height: 844);
        foreach (var path in new[] { "/quan-tri/hoi-thi", contestPath, "/quan-tri/hoi-thi/moi" })
            await PhoneLayoutTests.AssertFitsAsync(phone, path);
        await phone.GotoAsync(contestPath);
        await SiteFixture.ScreenshotAsync(phone, "hoi-thi-quan-tri-390");

        var visitor = await site.NewPageAsync(width: 390, height: 844);
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Hội thi" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Hội thi tìm hiểu Bộ phận Một cửa" }).First.ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội thi tìm hiểu Bộ phận Một cửa");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(visitor, new Uri(visitor.Url).AbsolutePath);
    }
}
