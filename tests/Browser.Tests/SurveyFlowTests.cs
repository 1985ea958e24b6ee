using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A citizen answers the seeded open survey of Sở Tài chính on a 360 px phone and gets the thank-you page; an approver of the
/// unit then finds the new response in the results' charts. axe on every page, which fit the phone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SurveyFlowTests(SiteFixture site)
{
    private const string Slug = SeedFacts.Surveys.SoTaiChinhUnderstanding;

    [Fact]
    public async Task A_citizen_answers_on_a_phone_and_the_officer_sees_the_response_in_the_results()
    {
        var before = await site.WithDbAsync(db => db.SurveyResponses.CountAsync(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Slug == Slug)));

        var phone = await site.NewPageAsync(width: 360, height: 780);
        await PhoneLayoutTests.AssertFitsAsync(phone, $"/khao-sat/{Slug}");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, $"/khao-sat/{Slug}");
        ILocator Question(int number) => phone.GetByRole(AriaRole.Group, new() { Name = $"Câu {number}." });
        await Question(1).GetByLabel("Người dân", new() { Exact = true }).CheckAsync();
        await Question(2).GetByLabel("Hiểu rõ", new() { Exact = true }).CheckAsync();
        await Question(3).GetByLabel("Biết một phần", new() { Exact = true }).CheckAsync();
        await Question(4).GetByLabel("Trang thông tin điện tử").CheckAsync();
        await Question(5).GetByLabel("5 – Hoàn toàn ủng hộ").CheckAsync();
        await Question(6).GetByLabel("Câu 6, câu trả lời").FillAsync("Muốn biết thêm cách nộp hồ sơ trực tuyến.");
        await SiteFixture.ScreenshotAsync(phone, "khao-sat-360");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cảm ơn bạn đã tham gia khảo sát");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, new Uri(phone.Url).AbsolutePath);

        await site.AddUserAsync("khao-sat-so-tai-chinh@cchc.test", (SeedFacts.Units.SoTaiChinhSocTrang, Content.Accounts.UnitRole.Approver));
        var officer = await site.SignInAsync("khao-sat-so-tai-chinh@cchc.test", width: 1366, height: 900);
        await officer.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Khảo sát ý kiến" }).ClickAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, "/quan-tri/khao-sat");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Khảo sát hiểu biết của người dân, tổ chức về cải cách hành chính – Sở Tài chính tỉnh Sóc Trăng" }).ClickAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, new Uri(officer.Url).AbsolutePath);
        await officer.GetByRole(AriaRole.Link, new() { Name = $"Kết quả ({before + 1} ý kiến)" }).ClickAsync();
        await Assertions.Expect(officer.GetByText($"Số phiếu trả lời: {before + 1}")).ToBeVisibleAsync();
        // The answer is in the chart's table of question 2 ("Hiểu rõ") and in the officers' free text.
        var table = officer.GetByRole(AriaRole.Table, new() { Name = "Câu 2: Ông/Bà có hiểu mục đích của cải cách hành chính nhà nước không?" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Hiểu rõ" })).ToContainTextAsync($"{before + 1} ý kiến");
        await officer.GetByText("ý kiến (chỉ cán bộ xem được").ClickAsync();
        await Assertions.Expect(officer.GetByText("Muốn biết thêm cách nộp hồ sơ trực tuyến.")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, new Uri(officer.Url).AbsolutePath);
        await SiteFixture.ScreenshotAsync(officer, "khao-sat-ket-qua-1366");
        var results = new Uri(officer.Url).AbsolutePath;

        var officerPhone = await site.SignInAsync("khao-sat-so-tai-chinh@cchc.test", width: 390, height: 844);
        foreach (var path in new[] { "/quan-tri/khao-sat", results, results.Replace("/ket-qua", "") })
            await PhoneLayoutTests.AssertFitsAsync(officerPhone, path);
        await officerPhone.GotoAsync(results);
        await SiteFixture.ScreenshotAsync(officerPhone, "khao-sat-ket-qua-390");
    }
}
