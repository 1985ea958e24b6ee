using CchcSite.Content.Accounts;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A report sent upward: the Sở GDĐT's approver sends the half-year report with its narrative; the Sở Nội vụ's overseer
/// sees it on time in the inbox and acknowledges it. The year is one whose due day has not come, so the report is on
/// time whatever day the test runs; no seeded content is touched.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReportUpwardFlowTests(SiteFixture site)
{
    private const string Year = "2090";

    [Fact]
    public async Task An_approver_sends_the_half_year_report_and_the_So_Noi_vu_overseer_acknowledges_it_on_time()
    {
        await site.AddUserAsync("lanh-dao-bao-cao@sgddt.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Approver));
        await site.AddUserAsync("giam-sat-bao-cao@snv.test", (SeedFacts.Units.SoNoiVuSocTrang, UnitRole.Overseer));

        var approver = await site.SignInAsync("lanh-dao-bao-cao@sgddt.test", width: 1366);
        await approver.GetByRole(AriaRole.Link, new() { Name = "Báo cáo gửi cơ quan theo dõi" }).ClickAsync();
        await approver.GetByRole(AriaRole.Link, new() { Name = "Gửi báo cáo định kỳ của đơn vị" }).ClickAsync();
        await approver.GetByLabel("Kỳ báo cáo").SelectOptionAsync(new SelectOptionValue { Label = "6 tháng đầu năm (hạn 15/6)" });
        await approver.GetByLabel("Năm").FillAsync(Year);
        await approver.GetByLabel("Kết quả đạt được").FillAsync("Đăng 18 tin, bài và 2 video clip tuyên truyền cải cách hành chính trên chuyên trang của Sở.");
        await approver.GetByLabel("Hạn chế và nguyên nhân").FillAsync("Một số trường chưa gửi tin, bài đúng hạn do thiếu cán bộ phụ trách.");
        await approver.GetByLabel("Đề xuất, kiến nghị").FillAsync("Đề nghị Sở Nội vụ tổ chức tập huấn viết tin, bài cho cán bộ phụ trách.");
        await SiteFixture.ScreenshotAsync(approver, "bao-cao-gui-form-1366");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Ký duyệt và gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo đúng hạn.");

        var overseer = await site.SignInAsync("giam-sat-bao-cao@snv.test", width: 1366);
        await overseer.GotoAsync($"/quan-tri/bao-cao-gui?ky=HalfYear&nam={Year}");
        var row = overseer.GetByRole(AriaRole.Row).Filter(new() { HasText = SeedFacts.UnitNames.SoGddtSocTrang });
        await Assertions.Expect(row).ToContainTextAsync("Đúng hạn");
        await Assertions.Expect(overseer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Tài chính tỉnh Sóc Trăng" })).ToContainTextAsync("Chưa gửi");
        await SiteFixture.ScreenshotAsync(overseer, "bao-cao-gui-hop-thu-1366");
        var phone = await site.SignInAsync("giam-sat-bao-cao@snv.test", width: 390);
        await phone.GotoAsync($"/quan-tri/bao-cao-gui?ky=HalfYear&nam={Year}");
        await SiteFixture.ScreenshotAsync(phone, "bao-cao-gui-hop-thu-390");
        // On a phone each unit is a block with its full name on one line, not a column squeezing it letter by letter.
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await row.GetByRole(AriaRole.Link, new() { Name = SeedFacts.UnitNames.SoGddtSocTrang }).ClickAsync();
        await Assertions.Expect(overseer.GetByText("Một số trường chưa gửi tin, bài đúng hạn do thiếu cán bộ phụ trách.")).ToBeVisibleAsync();
        await phone.GotoAsync(overseer.Url);
        await SiteFixture.ScreenshotAsync(phone, "bao-cao-gui-chi-tiet-390");
        await SiteFixture.ScreenshotAsync(overseer, "bao-cao-gui-chi-tiet-1366");
        await overseer.GetByLabel("Ý kiến (bắt buộc khi trả lại)").FillAsync("Đã tổng hợp vào báo cáo chung của tỉnh.");
        await overseer.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận", Exact = true }).ClickAsync();
        await Assertions.Expect(overseer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận báo cáo.");
        await Assertions.Expect(overseer.Locator(".facts")).ToContainTextAsync("Đã tiếp nhận");

        // The summary of the period: the acknowledged report among the units not sent, the page no wider than the screen.
        await overseer.GotoAsync($"/quan-tri/bao-cao-gui?ky=HalfYear&nam={Year}");
        await overseer.GetByRole(AriaRole.Link, new() { Name = "Tổng hợp số liệu kỳ này (tải về XLSX, CSV)" }).ClickAsync();
        await Assertions.Expect(overseer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tổng hợp báo cáo 6 tháng đầu năm 2090");
        await Assertions.Expect(overseer.GetByRole(AriaRole.Row).Filter(new() { HasText = SeedFacts.UnitNames.SoGddtSocTrangShort })).ToContainTextAsync("Đã tiếp nhận");
        await SiteFixture.ScreenshotAsync(overseer, "bao-cao-gui-tong-hop-1366");
        Assert.True(await overseer.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await phone.GotoAsync(overseer.Url);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await SiteFixture.ScreenshotAsync(phone, "bao-cao-gui-tong-hop-390");
    }
}
