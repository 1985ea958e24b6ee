using CchcSite.Content.Accounts;
using CchcSite.Content.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>Publishing against the plan: the dashboard shows this month missing until a linked post is published.</summary>
[Collection(SiteCollection.Name)]
public sealed class PlanFlowTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.SoTaiChinhSocTrang;
    private const string Row = "Đưa tin, bài về cải cách hành chính trên chuyên trang của Sở";

    [Fact]
    public async Task An_approver_sees_this_month_missing_an_editor_publishes_a_linked_post_and_the_month_turns_met()
    {
        var month = YearMonth.Of(DateTime.UtcNow);
        await site.WithDbAsync(async db =>
        {
            var plan = new Plan { UnitId = (await db.Units.SingleAsync(u => u.Slug == Unit)).Id, Year = month.Year, Title = $"Kế hoạch tuyên truyền CCHC năm {month.Year}" };
            plan.Items.Add(new PlanItem
            {
                Order = 1, Content = Row, LeadName = "Văn phòng Sở", Timing = PlanTiming.Monthly, TimingText = "Thường xuyên", ExpectedOutput = "≥ 1 bài/tháng",
            });
            db.Plans.Add(plan);
            return await db.SaveChangesAsync();
        });
        await site.AddUserAsync("bien-tap-ke-hoach@stc.test", (Unit, UnitRole.Editor));
        await site.AddUserAsync("lanh-dao-ke-hoach@stc.test", (Unit, UnitRole.Approver));
        var cell = $"Sở Tài chính Sóc Trăng, tháng {month.Month}:";

        var approver = await site.SignInAsync("lanh-dao-ke-hoach@stc.test");
        await approver.GetByRole(AriaRole.Link, new() { Name = "Theo dõi thực hiện kế hoạch" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Link, new() { Name = $"{cell} Chưa có bài, 0 bài" })).ToBeVisibleAsync();
        await Assertions.Expect(approver.Locator(".reminders")).ToContainTextAsync(Row);

        var writer = await site.SignInAsync("bien-tap-ke-hoach@stc.test");
        await writer.GetByRole(AriaRole.Link, new() { Name = "+ Tin, bài" }).ClickAsync();
        await writer.GetByLabel("Tiêu đề (bắt buộc)").FillAsync("Sở Tài chính công khai quy trình kiểm soát chi qua dịch vụ công trực tuyến");
        await writer.GetByLabel("Nội dung (Markdown)").FillAsync("Sở Tài chính hướng dẫn đơn vị sử dụng ngân sách nộp hồ sơ **trực tuyến**.");
        await writer.GetByLabel("Thực hiện nhiệm vụ trong kế hoạch").SelectOptionAsync(new SelectOptionValue { Label = $"1. {Row}" });
        await writer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(writer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(writer.Locator(".meta")).ToContainTextAsync("Chờ duyệt");

        // Two-person review: the approver, not the writer, publishes.
        await approver.GotoAsync(writer.Url);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt và đăng" }).ClickAsync();
        await Assertions.Expect(approver.Locator(".meta")).ToContainTextAsync("Đã đăng");

        await approver.GotoAsync("/quan-tri/tuan-thu");
        var met = approver.GetByRole(AriaRole.Link, new() { Name = $"{cell} Đạt, 1 bài" });
        await Assertions.Expect(met).ToBeVisibleAsync();
        // The row is done; the seeded plan of Sở Tài chính for 2022–2030 may still remind of its own duties this month.
        await Assertions.Expect(approver.Locator(".reminders").GetByText(Row)).ToHaveCountAsync(0);
        await met.ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Link, new() { Name = "Sở Tài chính công khai quy trình kiểm soát chi qua dịch vụ công trực tuyến" })).ToBeVisibleAsync();
    }
}
