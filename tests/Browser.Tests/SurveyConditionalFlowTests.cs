using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// An approver of UBND thị xã Phước Long creates a SIPAS-style survey from its template and opens it; a citizen answers it on a
/// 360 px phone, where the question about the handling of feedback (câu 10) shows only after "Có" at câu 9 and hides again
/// after "Không"; after sending, the thank-you page; the officer then finds the response, câu 10's rating included, in the
/// results' charts. The template asks about the procedure (câu 4–5) and the civil servant (câu 6–7) as matrices: a table of
/// statements × levels on a wide screen, one group of levels per statement on the phone, stacked bars in the results. axe on
/// each page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SurveyConditionalFlowTests(SiteFixture site)
{
    private const string Officer = "khao-sat-phuoc-long@cchc.test";

    [Fact]
    public async Task The_conditional_question_shows_only_after_its_answer_and_its_rating_reaches_the_results()
    {
        await site.AddUserAsync(Officer, (SeedFacts.Units.UbndThiXaPhuocLong, Content.Accounts.UnitRole.Approver));
        var officer = await site.SignInAsync(Officer, width: 1366, height: 900);
        await officer.GotoAsync(site.Url("/quan-tri/khao-sat/moi"));
        await officer.GetByLabel("Mức độ hài lòng về giải quyết thủ tục hành chính (kiểu SIPAS)").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tạo khảo sát" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Trạng thái: Bản nháp" })).ToBeVisibleAsync();
        var edit = new Uri(officer.Url).AbsolutePath;
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mở khảo sát" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Đã mở khảo sát")).ToBeVisibleAsync();
        var form = await officer.GetByRole(AriaRole.Link, new() { Name = "Trang công khai", Exact = true }).GetAttributeAsync("href");
        Assert.StartsWith("/khao-sat/ubnd-thi-xa-phuoc-long-hai-long-", form);

        var phone = await site.NewPageAsync(width: 360, height: 780);
        await PhoneLayoutTests.AssertFitsAsync(phone, form!);
        // "Câu 1." alone would also name câu 10, 11 and 12.
        ILocator Question(int number) => phone.GetByRole(AriaRole.Group, new() { NameRegex = new Regex($@"^Câu {number}\. ") });
        var feedback = phone.Locator("fieldset[data-show-if*=':']");
        // Before any answer the script hides the conditional question (and disables it, so nothing of it is sent).
        await Assertions.Expect(feedback).ToBeHiddenAsync();
        await Question(1).GetByLabel("Cá nhân", new() { Exact = true }).CheckAsync();
        await Question(2).GetByLabel("Cổng Dịch vụ công").CheckAsync();
        foreach (var number in new[] { 3, 4, 5, 6, 7, 8 })
            await Question(number).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await Question(9).GetByLabel("Không", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(feedback).ToBeHiddenAsync();
        await Question(9).GetByLabel("Có", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(Question(10)).ToBeVisibleAsync();
        await Assertions.Expect(Question(10)).ToContainTextAsync("Phản ánh, kiến nghị của Ông/Bà được tiếp nhận");
        await Question(10).GetByLabel("2", new() { Exact = true }).CheckAsync();
        await Question(9).GetByLabel("Không", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(feedback).ToBeHiddenAsync();
        await Question(9).GetByLabel("Có", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(Question(10)).ToBeVisibleAsync();
        await Question(11).GetByLabel("5 – Rất hài lòng").CheckAsync();
        // The matrix is a group named by its prompt holding a group per statement; on the phone each level shows its end label.
        var servant = phone.GetByRole(AriaRole.Group, new() { Name = "Ông/Bà đánh giá thế nào về công chức trực tiếp giải quyết hồ sơ?" });
        await Assertions.Expect(servant.GetByRole(AriaRole.Group)).ToHaveCountAsync(2);
        await Assertions.Expect(servant.GetByText("5 – Rất hài lòng").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, form!);
        await SiteFixture.ScreenshotAsync(phone, "khao-sat-dieu-kien-360");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cảm ơn bạn đã tham gia khảo sát");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, new Uri(phone.Url).AbsolutePath);

        await officer.GotoAsync(site.Url(edit + "/ket-qua"));
        await Assertions.Expect(officer.GetByText("Số phiếu trả lời: 1")).ToBeVisibleAsync();
        ILocator Table(int number, string text) => officer.GetByRole(AriaRole.Table, new() { Name = $"Câu {number}: {text}" });
        await Assertions.Expect(Table(9, "Ông/Bà có phản ánh, kiến nghị trong quá trình giải quyết thủ tục không?")
            .GetByRole(AriaRole.Row, new() { Name = "Có" })).ToContainTextAsync("1 ý kiến");
        // The rating given to the conditional question, after the answer was changed twice, is the one sent.
        var handling = officer.Locator("section.survey-result", new() { Has = officer.GetByRole(AriaRole.Heading, new() { Name = "Câu 10. Phản ánh" }) });
        await Assertions.Expect(handling).ToContainTextAsync("1 người trả lời");
        await Assertions.Expect(handling).ToContainTextAsync("điểm trung bình 2,00");
        var matrix = officer.GetByRole(AriaRole.Table, new() { Name = "Câu 6–7: Ông/Bà đánh giá thế nào về công chức trực tiếp giải quyết hồ sơ?" });
        await Assertions.Expect(matrix.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Câu 6\\.") })).ToContainTextAsync("100,0% · 1 ý kiến");
        await Assertions.Expect(officer.Locator("svg.chart__svg--chong")).ToHaveCountAsync(2);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, new Uri(officer.Url).AbsolutePath);
        await SiteFixture.ScreenshotAsync(officer, "khao-sat-dieu-kien-ket-qua-1366");

        // The same form on a wide screen: the matrix as a table whose head names the levels.
        var wide = await site.NewPageAsync(width: 1366, height: 900);
        await wide.GotoAsync(site.Url(form!));
        await Assertions.Expect(wide.Locator(".survey-matrix__head").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(wide, form!);
        await SiteFixture.ScreenshotAsync(wide, "khao-sat-ma-tran-1366");
        // The responses over time and the responses' own export, for officers only.
        await Assertions.Expect(officer.GetByRole(AriaRole.Table, new() { Name = "Số phiếu trả lời theo ngày" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "CSV (UTF-8)" }).Last).ToHaveAttributeAsync("href", edit + "/y-kien.csv");

        var officerPhone = await site.SignInAsync(Officer, width: 390, height: 844);
        await PhoneLayoutTests.AssertFitsAsync(officerPhone, edit + "/ket-qua");
        await officerPhone.GotoAsync(site.Url(edit + "/ket-qua"));
        await SiteFixture.ScreenshotAsync(officerPhone, "khao-sat-dieu-kien-ket-qua-390");

        // The seeded sample survey's 312 responses over 88 days: drawn a week at a time.
        await site.AddUserAsync("khao-sat-thac-mo-tuan@cchc.test", (SeedFacts.Units.UbndPhuongThacMo, Content.Accounts.UnitRole.Approver));
        var thacMo = await site.WithDbAsync(db => db.Surveys.Where(x => x.Slug == SeedFacts.Surveys.ThacMoSatisfaction).Select(x => x.Id).SingleAsync());
        foreach (var width in new[] { 390, 1366 })
        {
            var page = await site.SignInAsync("khao-sat-thac-mo-tuan@cchc.test", width: width, height: 900);
            var results = $"/quan-tri/khao-sat/{thacMo}/ket-qua";
            await PhoneLayoutTests.AssertFitsAsync(page, results);
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Số phiếu trả lời theo tuần" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(14);
            // Câu 11 split by who answered (câu 1): a person or an organisation; the wide table scrolls inside its box on a phone.
            var overall = page.Locator("section.survey-result", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Câu 11. Nhìn chung" }) });
            await overall.GetByText("Chia theo đối tượng trả lời").ClickAsync();
            await Assertions.Expect(overall.GetByRole(AriaRole.Table, new() { Name = "Câu 11 chia theo câu 1" }).GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(3);
            await AccessibilityTests.AssertNoBlockingViolationsAsync(page, results);
            await SiteFixture.ScreenshotAsync(page, $"khao-sat-theo-tuan-{width}");
        }
    }
}
