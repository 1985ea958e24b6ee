using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Indexes;

/// <summary>An approver enters one result with the form, is told in Vietnamese what is wrong, and corrects it keeping the earlier figures.</summary>
public sealed class IndexEntryTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Publisher = "ubnd-thi-xa-nga-nam";
    private const string Ward = "ubnd-phuong-2-nga-nam";

    private async Task<HttpClient> ApproverAsync(string name)
    {
        await site.AddUserAsync($"{name}@cchc.test", (Publisher, UnitRole.Approver));
        return await site.SignedInAsync($"{name}@cchc.test");
    }

    private static Dictionary<string, string> Fields(int year, string score, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["IndexCode"] = "PAR_INDEX", ["Year"] = year.ToString(), ["Unit"] = Ward, ["Publisher"] = Publisher, ["Grouping"] = "Wards",
            ["Within"] = Publisher, ["Score"] = score, ["SourceTitle"] = $"Quyết định công bố Chỉ số CCHC năm {year}", ["AnnouncedOn"] = $"{year + 1}-02-15",
        };
        foreach (var (key, value) in more)
            fields[key] = value;
        return fields;
    }

    [Fact]
    public async Task The_form_shows_the_years_components_and_refuses_bad_figures_in_vietnamese_storing_nothing()
    {
        var browser = await ApproverAsync("nhap-mot-ket-qua-sai");
        var form = WebUtility.HtmlDecode(await browser.GetStringAsync("/quan-tri/chi-so/them?chi-so=PAR_INDEX&nam=2035"));
        Assert.Contains("<label for=\"tp-TTHC\">Cải cách thủ tục hành chính", form);
        Assert.DoesNotContain("tp-HDH", form); // assessed in 2021 only

        var answer = await EditorSite.PostFormAsync(browser, "/quan-tri/chi-so/them",
            Fields(2035, "120", ("Rank", "9"), ("RankedOf", "8"), ("Components[TTHC]", "14"), ("AnnouncedOn", "hôm qua")));
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Contains("Điểm phải từ 0 đến 100.", html);
        Assert.Contains("Số đơn vị xếp hạng phải từ 1 và không nhỏ hơn thứ hạng.", html);
        Assert.Contains("\"Cải cách thủ tục hành chính\": điểm phải từ 0 đến 13.", html);
        Assert.Contains("Ngày công bố phải có dạng dd/mm/yyyy.", html);
        Assert.Equal(0, await site.WithDbAsync(db => db.IndexResults.CountAsync(r => r.Year == 2035)));
    }

    [Fact]
    public async Task A_result_entered_then_corrected_keeps_the_earlier_figures_and_the_audit_names_old_and_new()
    {
        var browser = await ApproverAsync("nhap-mot-ket-qua");
        var added = await EditorSite.PostFormAsync(browser, "/quan-tri/chi-so/them", Fields(2036, "80,5", ("Rank", "2"), ("RankedOf", "8"), ("Components[TTHC]", "11")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var result = await site.WithDbAsync(db => db.IndexResults.Include(r => r.Components).SingleAsync(r => r.Year == 2036));
        Assert.Equal((80.5m, 2, 8, 11m), (result.Score, result.Rank, result.RankedOf, result.Components.Single(c => c.Code == "TTHC").Score));
        Assert.Equal(new DateOnly(2037, 2, 15), result.AnnouncedOn);

        // The same unit, index and year again is a correction, not a second result.
        var twice = await EditorSite.PostFormAsync(browser, "/quan-tri/chi-so/them", Fields(2036, "70"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("vui lòng đính chính kết quả đó", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));

        var edit = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/chi-so/{result.Id}/sua"));
        Assert.Contains("value=\"80,5\"", edit);
        var corrected = await EditorSite.PostFormAsync(browser, $"/quan-tri/chi-so/{result.Id}/sua",
            Fields(2036, "82.5", ("Rank", "1"), ("RankedOf", "8"), ("Components[TTHC]", "12")));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var now = await site.WithDbAsync(db => db.IndexResults.Include(r => r.Corrections).SingleAsync(r => r.Year == 2036));
        Assert.Equal((82.5m, 1), (now.Score, now.Rank));
        var earlier = Assert.Single(now.Corrections);
        Assert.Equal((80.5m, 2, "TTHC=11"), (earlier.Score, earlier.Rank, earlier.ComponentsText));
        var audit = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.IndexResultCorrected).Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, s => s.Contains("2036") && s.Contains("điểm 80,5, hạng 2/8, thành phần TTHC=11 → điểm 82,5, hạng 1/8, thành phần TTHC=12"));
        var history = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/chi-so/{result.Id}"));
        Assert.Contains("<td>80,5 → 82,5</td>", history);
        Assert.Contains("<td>2/8 → 1/8</td>", history);
    }
}
