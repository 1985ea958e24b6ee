using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A citizen on a phone finds a procedure by field and online-service level, opens it, downloads its form and opens the
/// posting sheet; the list, the page and the sheet pass axe and fit a phone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ProcedureFlowTests(SiteFixture site)
{
    [Fact]
    public async Task A_citizen_on_a_phone_filters_opens_a_procedure_downloads_its_form_and_prints_it()
    {
        var phone = await site.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/thu-tuc-hanh-chinh");
        await phone.GetByLabel("Lĩnh vực", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hộ tịch" });
        await phone.GetByLabel("Dịch vụ công trực tuyến").SelectOptionAsync(new SelectOptionValue { Label = "Toàn trình" });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tìm thủ tục" }).ClickAsync();
        await phone.WaitForURLAsync(url => url.Contains("linh-vuc=ho-tich") && url.Contains("dvc=toan-trinh"));
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, "/thu-tuc-hanh-chinh?linh-vuc=ho-tich&dvc=toan-trinh");

        await phone.GetByRole(AriaRole.Link, new() { Name = "Đăng ký khai sinh", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng ký khai sinh");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, "/thu-tuc-hanh-chinh/1.001193");

        var download = await phone.RunAndWaitForDownloadAsync(() =>
            phone.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Tờ khai đăng ký khai sinh") }).ClickAsync());
        Assert.Equal("to-khai-dang-ky-khai-sinh.docx", download.SuggestedFilename);

        await phone.GetByRole(AriaRole.Link, new() { Name = "In bản niêm yết (A4)" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("NIÊM YẾT CÔNG KHAI THỦ TỤC HÀNH CHÍNH")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, "/thu-tuc-hanh-chinh/1.001193/in");

        var small = await site.NewPageAsync(width: 360, height: 740);
        foreach (var path in new[] { "/thu-tuc-hanh-chinh", "/thu-tuc-hanh-chinh/1.001193", "/thu-tuc-hanh-chinh/cong-bo" })
            await PhoneLayoutTests.AssertFitsAsync(small, path);
    }
}
