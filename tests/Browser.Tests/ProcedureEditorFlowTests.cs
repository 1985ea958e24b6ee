using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// An approver of a unit adds a procedure with a dossier component through the editor's form, uploading its form from the
/// form and writing a library file into a second line, then imports a small CSV:
/// the dry run's preview, then the apply. The form, the preview and the list pass axe on a desktop screen and on a phone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ProcedureEditorFlowTests(SiteFixture site)
{
    private const string FormFile = "don-de-nghi-cap-ban-sao-van-bang.docx";

    [Theory]
    [InlineData(1366, 900, "9.700001", "9.700002")]
    [InlineData(390, 844, "9.700011", "9.700012")]
    public async Task An_approver_adds_a_procedure_and_imports_a_file_after_its_dry_run(int width, int height, string created, string imported)
    {
        var email = $"duyet-thu-tuc-{width}@cchc.test";
        await site.AddUserAsync(email, (SiteFixture.UnitSlug, Content.Accounts.UnitRole.Approver));
        var page = await site.SignInAsync(email, width, height);

        await page.GotoAsync($"/quan-tri/thu-tuc/moi?don-vi={SiteFixture.UnitSlug}");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"/quan-tri/thu-tuc/moi?don-vi={SiteFixture.UnitSlug}");
        await page.GetByLabel("Mã thủ tục", new() { Exact = false }).First.FillAsync(created);
        await page.GetByLabel("Tên thủ tục", new() { Exact = false }).FillAsync("Cấp bản sao trích lục hộ tịch thử nghiệm");
        await page.GetByLabel("Cơ quan thực hiện", new() { Exact = false }).FillAsync("Ủy ban nhân dân cấp xã");
        var dossier = page.GetByLabel("Thành phần hồ sơ", new() { Exact = false });
        await dossier.FillAsync("Tờ khai cấp bản sao trích lục | 1 | 0 | Mẫu tờ khai");
        // The caret stays at the end of the line while the dialog is open: the uploaded form is written into that line.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải mẫu đơn, tờ khai lên cho dòng đang chọn" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Tải lên thư viện của đơn vị" });
        await dialog.GetByLabel("Tệp (bắt buộc)").SetInputFilesAsync(PostFormUploadTests.SeedFile("forms", FormFile));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tải lên và chọn" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(dossier).ToHaveValueAsync($"Tờ khai cấp bản sao trích lục | 1 | 0 | Mẫu tờ khai | {FormFile}");
        await Assertions.Expect(page.GetByText($"Đã tải lên và ghi “{FormFile}” vào dòng 1 (Tờ khai cấp bản sao trích lục).")).ToBeVisibleAsync();
        await page.GetByLabel("Thời hạn giải quyết", new() { Exact = false }).FillAsync("Ngay trong ngày");
        await page.GetByLabel("Phí, lệ phí", new() { Exact = false }).FillAsync("8.000 đồng/bản");
        await page.GetByLabel("Đối tượng thực hiện", new() { Exact = false }).FillAsync("Cá nhân");
        await page.GetByLabel("Kết quả thực hiện", new() { Exact = false }).FillAsync("Bản sao trích lục");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thủ tục" }).ClickAsync();
        await page.WaitForURLAsync($"**/quan-tri/thu-tuc/{created}");
        // The editor layout says it once; the form said it a second time under its heading.
        await Assertions.Expect(page.Locator("p.flash")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Thành phần hồ sơ", new() { Exact = false })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Tờ khai cấp bản sao trích lục"));
        // A second line takes a file already in the library from the list under the lines.
        await dossier.PressAsync("Control+End"); // the end of the text, not of a wrapped line on a phone
        await dossier.PressSequentiallyAsync("\nBản sao giấy tờ tùy thân | 0 | 1");
        await page.Locator("#tep-mau summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ghi vào dòng đang chọn tệp {FormFile}" }).ClickAsync();
        await Assertions.Expect(dossier).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"\nBản sao giấy tờ tùy thân \\| 0 \\| 1 \\|  \\| {System.Text.RegularExpressions.Regex.Escape(FormFile)}$"));
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"/quan-tri/thu-tuc/{created} (tệp mẫu)");
        await SiteFixture.ScreenshotAsync(page, $"procedure-form-{width}");
        // The public page offers the uploaded form for download.
        await page.GotoAsync($"/thu-tuc-hanh-chinh/{created}");
        await Assertions.Expect(page.Locator($"a[href$='/{FormFile}']")).ToHaveCountAsync(1);

        await page.GotoAsync($"/quan-tri/thu-tuc?don-vi={SiteFixture.UnitSlug}");
        var row = Content.Procedures.ProcedureImport.ExampleRow.ToArray();
        row[0] = imported;
        row[1] = "Thủ tục nhập thử nghiệm từ tệp";
        var csv = Content.Imports.TableTemplate.Csv(Content.Procedures.ProcedureImport.Titles, [row]);
        await page.Locator("#tep").SetInputFilesAsync(new FilePayload { Name = "thu-tuc.csv", MimeType = "text/csv", Buffer = csv });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(page.Locator("#xem-truoc")).ToContainTextAsync(imported);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "/quan-tri/thu-tuc/nhap");
        await SiteFixture.ScreenshotAsync(page, $"procedure-import-preview-{width}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng tệp thu-tuc.csv" }).ClickAsync();
        await page.GotoAsync($"/quan-tri/thu-tuc?don-vi={SiteFixture.UnitSlug}&q={imported}");
        await Assertions.Expect(page.GetByText("Thủ tục nhập thử nghiệm từ tệp")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"/quan-tri/thu-tuc?don-vi={SiteFixture.UnitSlug}&q={imported}");
        await SiteFixture.ScreenshotAsync(page, $"procedure-list-after-import-{width}");
    }
}
