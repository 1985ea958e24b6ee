using CchcSite.Content.Text;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// An editor of the organising unit prepares a contest with a round and a question in the editor area and submits it; an
/// approver of the unit publishes it, and it is on /hoi-thi for everyone. The editor pages pass axe and fit a 390 px phone as
/// well as a 1366 px screen.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ContestEditorFlowTests(SiteFixture site)
{
    [Fact]
    public async Task An_editor_prepares_and_submits_a_contest_an_approver_publishes_it_and_it_is_on_the_public_contest_list()
    {
        await site.AddUserAsync("soan-hoi-thi@cchc.test", (SiteFixture.UnitSlug, Content.Accounts.UnitRole.Editor));
        await site.AddUserAsync("to-chuc-hoi-thi@cchc.test", (SiteFixture.UnitSlug, Content.Accounts.UnitRole.Approver));
        var page = await site.SignInAsync("soan-hoi-thi@cchc.test", width: 1366, height: 900);
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Trình duyệt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trạng thái: Chờ duyệt" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu hội thi" })).ToHaveCountAsync(0);

        // The approver sees it waiting in the list, at a phone's width as well, and publishes it.
        var phone = await site.SignInAsync("to-chuc-hoi-thi@cchc.test", width: 390, height: 844);
        foreach (var path in new[] { "/quan-tri/hoi-thi", contestPath, "/quan-tri/hoi-thi/moi" })
            await PhoneLayoutTests.AssertFitsAsync(phone, path);
        await phone.GotoAsync("/quan-tri/hoi-thi");
        await Assertions.Expect(phone.GetByRole(AriaRole.Row, new() { Name = "Hội thi tìm hiểu Bộ phận Một cửa" })).ToContainTextAsync("Chờ duyệt");
        await phone.GotoAsync(contestPath);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, contestPath + " under review");
        await SiteFixture.ScreenshotAsync(phone, "hoi-thi-quan-tri-390");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Duyệt và công bố" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Trạng thái: Đã công bố" })).ToBeVisibleAsync();

        var visitor = await site.NewPageAsync(width: 390, height: 844);
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Hội thi" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Hội thi tìm hiểu Bộ phận Một cửa" }).First.ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội thi tìm hiểu Bộ phận Một cửa");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(visitor, new Uri(visitor.Url).AbsolutePath);
    }
}
