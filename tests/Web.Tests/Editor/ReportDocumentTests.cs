using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Reports;
using CchcSite.Content.Text;

namespace CchcSite.Web.Tests.Editor;

/// <summary>The report page as a document: the Nghị định 30/2020 header and footer, percentages beside the counts, the charts.</summary>
public sealed partial class ReportDocumentTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Year2022 = $"don-vi={SeedFacts.Units.SoGddtSocTrang}&ky=Year&nam=2022";

    [Fact]
    public async Task The_report_carries_the_administrative_header_and_footer_the_unit_filled_in()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/bao-cao?{Year2022}&co-quan-chu-quan=UBND+t%E1%BB%89nh+S%C3%B3c+Tr%C4%83ng"
            + "&so=7%2FBC-SGD%C4%90T&dia-danh=S%C3%B3c+Tr%C4%83ng&ngay-van-ban=03%2F01%2F2023&chuc-vu-ky=PH%C3%93+GI%C3%81M+%C4%90%E1%BB%90C&nguoi-ky=Nguy%E1%BB%85n+V%C4%83n+A"
            + "&noi-nhan=-+UBND+t%E1%BB%89nh%3B%0D%0A%0D%0A-+L%C6%B0u%3A+VT."));
        Assert.Contains("<p class=\"doc-header__parent\">UBND tỉnh Sóc Trăng</p>", html);
        Assert.Contains("<p class=\"doc-header__number\">Số: 7/BC-SGDĐT</p>", html);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", html);
        Assert.Contains("Sóc Trăng, ngày 03 tháng 01 năm 2023", html);
        Assert.Contains("<p class=\"doc-title\">BÁO CÁO</p>", html);
        Assert.Contains("Kết quả tuyên truyền cải cách hành chính năm 2022", html);
        Assert.Contains("Nơi nhận:", html);
        // The unit's own dashes and semicolons are not doubled; the last recipient ends with a full stop.
        Assert.Equal(["- UBND tỉnh;", "- Lưu: VT."], Recipients().Matches(html).Select(m => m.Groups[1].Value.Trim()));
        Assert.Contains("<p class=\"doc-footer__title\">PHÓ GIÁM ĐỐC</p>", html);
        Assert.Contains("<p class=\"doc-footer__name\">Nguyễn Văn A</p>", html);
    }

    [Fact]
    public async Task Blank_fields_print_as_dotted_lines_and_the_agency_recipients_and_date_come_from_the_unit_and_today()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/bao-cao?{Year2022}"));
        var unit = SeedFacts.UnitNames.SoGddtSocTrang;
        Assert.Contains($"<p class=\"doc-header__name\">{unit}</p>", html);
        Assert.Contains("<p class=\"doc-header__number\">Số: ……/BC-……</p>", html);
        Assert.Contains($"……………, {VietnameseDate.InWords(VietnamTime.DateOf(DateTime.UtcNow))}", html);
        Assert.Contains("<p class=\"doc-footer__name\">……………………</p>", html);
        Assert.Equal("- Lưu: VT.", Recipients().Matches(html).Select(m => m.Groups[1].Value.Trim()).Last());
    }

    [Fact]
    public async Task A_letterhead_field_too_long_is_refused_with_a_vietnamese_message()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var response = await browser.GetAsync($"/quan-tri/bao-cao?{Year2022}&so={new string('1', 61)}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Số, ký hiệu không quá 60 ký tự.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Counts_carry_their_percentages_and_three_charts_draw_the_same_figures()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/bao-cao?{Year2022}&gom-don-vi-con=true"));
        var json = JsonDocument.Parse(await site.CreateClient().GetStringAsync(
            $"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?period=Year&year=2022&includeSubUnits=true")).RootElement;
        int Value(string section, string row, int column) => json.GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("key").GetString() == section).GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("key").GetString() == row).GetProperty("values")[column].GetInt32();

        var shares = Shares().Matches(html).ToDictionary(m => m.Groups[1].Value, m => decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var total = Value("posts-by-kind", "total", 0);
        Assert.True(total > 0, "the seed publishes posts in 2022");
        Assert.Equal(Math.Round(100m * Value("posts-by-kind", "Article", 0) / total, 1), shares["posts-by-kind/Article/count"]);
        Assert.False(shares.ContainsKey("posts-by-kind/total/count"), "the total is the base, not a share");
        var received = Value("submissions", "total", 0);
        if (received > 0)
            Assert.Equal(Math.Round(100m * Value("submissions", "total", 1) / received, 1), shares["submissions/total/on-time"]);
        Assert.DoesNotContain(shares.Keys, k => k.StartsWith("contest-participation/", StringComparison.Ordinal));

        foreach (var id in new[] { "bieu-do-thang-dat", "bieu-do-dung-han", "bieu-do-linh-vuc" })
            Assert.Contains($"aria-labelledby=\"{id}-title {id}-desc\"", html);
        // Each chart sits in its section, after the table it draws.
        Assert.True(html.IndexOf("id=\"muc-monthly-quota\"", StringComparison.Ordinal) < html.IndexOf("bieu-do-thang-dat-title", StringComparison.Ordinal));
        Assert.Contains("<caption>Tỷ lệ trả lời đúng hạn</caption>", html);
    }

    [Fact]
    public void Shares_are_taken_of_the_column_total_the_row_or_the_first_column_and_never_of_zero()
    {
        ReportRow Row(string key, params int[] values) => new(key, key, values);
        var byKind = new ReportSection("posts-by-kind", "", [new("count", "")], [Row("a", 1), Row("b", 3), Row(ReportSection.TotalKey, 4)]);
        Assert.Equal(25m, ReportShares.Percent(byKind, byKind.Rows[0], 0));
        Assert.Null(ReportShares.Percent(byKind, byKind.Rows[2], 0));
        var quota = new ReportSection("monthly-quota", "", [new("met", ""), new("missing", ""), new("upcoming", "")], [Row("u", 2, 1, 0), Row("v", 0, 0, 0)]);
        Assert.Equal(66.7m, ReportShares.Percent(quota, quota.Rows[0], 0));
        Assert.Null(ReportShares.Percent(quota, quota.Rows[1], 0));
        var answers = new ReportSection("submissions", "", [new("received", ""), new("on-time", "")], [Row("q", 8, 6)]);
        Assert.Null(ReportShares.Percent(answers, answers.Rows[0], 0));
        Assert.Equal(75m, ReportShares.Percent(answers, answers.Rows[0], 1));
        Assert.Null(ReportShares.Percent(byKind with { Key = "contest-participation" }, byKind.Rows[0], 0));
    }

    [Theory]
    [InlineData(2027, 2, 5, "ngày 05 tháng 02 năm 2027")]
    [InlineData(2027, 1, 15, "ngày 15 tháng 01 năm 2027")]
    [InlineData(2027, 3, 9, "ngày 09 tháng 3 năm 2027")]
    [InlineData(2026, 12, 31, "ngày 31 tháng 12 năm 2026")]
    public void An_official_date_is_written_as_nghi_dinh_30_asks(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseDate.InWords(new DateOnly(year, month, day)));

    [GeneratedRegex("<li>(- [^<]*)</li>")]
    private static partial Regex Recipients();

    [GeneratedRegex("data-cell=\"([^\"]+)\">\\d+<span class=\"share\" data-share=\"([0-9.]+)\"")]
    private static partial Regex Shares();
}
