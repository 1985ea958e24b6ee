using System.Text;
using CchcSite.Content.Accounts;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace CchcSite.Browser.Tests;

/// <summary>
/// The periodic report as the unit prints it: the administrative header and footer it filled in, the charts, and on A4
/// every section's heading on the same page as its table (read back from chromium's own PDF).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReportPrintTests(SiteFixture site)
{
    private const string Query = $"/quan-tri/bao-cao?don-vi={SiteFixture.UnitSlug}&gom-don-vi-con=true&ky=Year&nam=2022"
        + "&so=12%2FBC-SGD%C4%90T&dia-danh=S%C3%B3c+Tr%C4%83ng&ngay-van-ban=05%2F02%2F2023&chuc-vu-ky=GI%C3%81M+%C4%90%E1%BB%90C"
        + "&noi-nhan=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5%0D%0AL%C6%B0u%3A+VT";

    public static readonly TheoryData<int> Widths = new() { 1366, 390 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_report_page_shows_the_document_header_and_charts_without_axe_violations_or_sideways_scrolling(int width)
    {
        var email = $"bao-cao-in-{width}@gddt.test";
        await site.AddUserAsync(email, (SiteFixture.UnitSlug, UnitRole.Approver));
        var page = await site.SignInAsync(email, width, 900);
        await page.GotoAsync(Query);
        var header = page.Locator(".doc-header");
        await Assertions.Expect(header).ToContainTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        await Assertions.Expect(header).ToContainTextAsync("Số: 12/BC-SGDĐT");
        await Assertions.Expect(header).ToContainTextAsync("Sóc Trăng, ngày 05 tháng 02 năm 2023");
        await Assertions.Expect(page.Locator(".report svg[role=img]")).ToHaveCountAsync(3);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"the report page scrolls sideways at {width} px");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the report at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"bao-cao-{width}");
    }

    [Fact]
    public async Task Printed_on_A4_the_report_keeps_each_heading_with_its_table_and_carries_the_administrative_header()
    {
        await site.AddUserAsync("bao-cao-pdf@gddt.test", (SiteFixture.UnitSlug, UnitRole.Approver));
        var page = await site.SignInAsync("bao-cao-pdf@gddt.test");
        await page.GotoAsync(Query);
        var sections = await page.Locator(".report-section").EvaluateAllAsync<string[][]>(
            "all => all.map(s => [s.querySelector('h2').textContent, s.querySelector('thead th:nth-child(2)').textContent])");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = false });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await SiteFixture.ScreenshotAsync(page, "bao-cao-in");
        SiteFixture.SaveArtefact("bao-cao.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => Squeeze(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
        Assert.True(pages.Count >= 2, $"the year's report fills more than one A4 page, got {pages.Count}");
        foreach (var part in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-SGDĐT",
                     "Sóc Trăng, ngày 05 tháng 02 năm 2023", "BÁO CÁO", "Kết quả tuyên truyền cải cách hành chính năm 2022" })
            Assert.Contains(Squeeze(part), pages[0]);
        Assert.DoesNotContain(Squeeze("Lập báo cáo"), string.Concat(pages)); // the form stays on screen
        var last = pages[^1];
        foreach (var part in new[] { "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "GIÁM ĐỐC" })
            Assert.Contains(Squeeze(part), last);

        Assert.NotEmpty(sections);
        foreach (var section in sections)
        {
            var (title, firstColumn) = (Squeeze(section[0]), Squeeze(section[1]));
            var on = pages.FindIndex(p => p.Contains(title));
            Assert.True(on >= 0, $"\"{section[0]}\" is in the PDF");
            var after = pages[on][(pages[on].IndexOf(title) + title.Length)..];
            Assert.True(after.Contains(Squeeze("Chỉ tiêu") + firstColumn),
                $"\"{section[0]}\" is followed on its page {on + 1} by its table's header row");
        }
    }

    /// <summary>Text without white space, in composed form: PDF letters carry no spaces, and a PDF may decompose accents.</summary>
    private static string Squeeze(string text) =>
        new(text.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
