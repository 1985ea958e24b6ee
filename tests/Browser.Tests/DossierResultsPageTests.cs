using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A citizen on a phone goes from a ward's procedures to its dossier results, picks last year, and reads the figures; the page
/// passes axe and fits a phone, site-wide too.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class DossierResultsPageTests(SiteFixture site)
{
    [Fact]
    public async Task A_citizen_on_a_phone_reads_a_wards_results_of_handling_dossiers()
    {
        var phone = await site.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/ubnd-phuong-thac-mo/thu-tuc-hanh-chinh");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Xem kết quả từng tháng, từng lĩnh vực" }).ClickAsync();
        await phone.WaitForURLAsync(url => url.EndsWith("/ubnd-phuong-thac-mo/thu-tuc-hanh-chinh/ket-qua-giai-quyet"));

        await phone.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync("2025");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await phone.WaitForURLAsync(url => url.Contains("nam=2025"));
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Kết quả giải quyết hồ sơ thủ tục hành chính năm 2025", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Tháng 12/2025", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Tỉ lệ hồ sơ giải quyết đúng hạn từng tháng năm 2025") }))
            .ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Table, new() { Name = "Số liệu từng tháng năm 2025" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(13);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, "/ubnd-phuong-thac-mo/thu-tuc-hanh-chinh/ket-qua-giai-quyet?nam=2025");

        // The site-wide page last: axe reads the page the layout check left open.
        foreach (var path in new[] { "/ubnd-phuong-thac-mo/thu-tuc-hanh-chinh/ket-qua-giai-quyet", "/thu-tuc-hanh-chinh/ket-qua-giai-quyet" })
            await PhoneLayoutTests.AssertFitsAsync(phone, path);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, "/thu-tuc-hanh-chinh/ket-qua-giai-quyet");
    }
}
