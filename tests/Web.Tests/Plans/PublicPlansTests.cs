using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Plans;

/// <summary>Plans in public: the page and the API say what the editor's plan page says, and count only published posts.</summary>
public sealed partial class PublicPlansTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task The_public_page_and_the_api_show_the_statuses_of_the_editors_plan_page()
    {
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SeedFacts.Units.SoGddtSocTrang).Select(p => p.Id).SingleAsync());
        var editor = await site.SignedInAsync(EditorSite.AdminEmail);
        var citizen = site.NewBrowser();

        var editorStatuses = Badges(await editor.GetStringAsync($"/quan-tri/ke-hoach/{planId}"));
        var publicPage = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/ke-hoach/{planId}"));
        using var api = JsonDocument.Parse(await citizen.GetStringAsync($"/api/v1/plans/{planId}"));
        var apiStatuses = api.RootElement.GetProperty("rows").EnumerateArray()
            .SelectMany(r => r.GetProperty("occurrences").EnumerateArray()).Select(o => o.GetProperty("status").GetString()!.ToLowerInvariant()).ToList();

        // Twelve rows, one due month each; the December row is done by the post of 20/12/2022.
        Assert.Equal(12, editorStatuses.Count);
        Assert.Equal(editorStatuses, Badges(publicPage));
        Assert.Equal(editorStatuses, apiStatuses);
        Assert.Equal("done", editorStatuses[^1]);
        var onTime = editorStatuses.Count(s => s == "done");
        Assert.Contains($"{onTime}/12 nhiệm vụ đã thực hiện đúng hạn", publicPage);
        Assert.Equal(onTime, api.RootElement.GetProperty("progress").GetProperty("onTime").GetInt32());
        Assert.Contains("Đường dây nóng, chuyên mục Hỏi – đáp và kết quả tiếp nhận hồ sơ thủ tục hành chính năm 2022", publicPage);
        // The statuses are words, not only colours.
        Assert.Contains(">Hoàn thành</span>", publicPage);
        // The plan's document and its full text are linked.
        var document = api.RootElement.GetProperty("document");
        Assert.Contains($"href=\"{document.GetProperty("url").GetString()}\"", publicPage);
    }

    [Fact]
    public async Task A_draft_linked_to_a_row_is_neither_counted_nor_shown_and_a_published_one_is()
    {
        var (planId, published, draft) = await AddCurrentPlanAsync();
        var citizen = site.NewBrowser();

        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/ke-hoach/{planId}"));
        using var api = JsonDocument.Parse(await citizen.GetStringAsync($"/api/v1/plans/{planId}"));

        Assert.Equal(["done", "duethismonth"], Badges(page));
        Assert.Contains("1/2 nhiệm vụ đã thực hiện đúng hạn", page);
        Assert.Contains(published, page);
        Assert.DoesNotContain(draft, page);
        var rows = api.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([published], rows[0].GetProperty("occurrences")[0].GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Empty(rows[1].GetProperty("occurrences")[0].GetProperty("posts").EnumerateArray());
        Assert.DoesNotContain(draft, api.RootElement.GetRawText());
        Assert.Equal((1, 2), (api.RootElement.GetProperty("progress").GetProperty("onTime").GetInt32(), api.RootElement.GetProperty("progress").GetProperty("total").GetInt32()));

        // The unit's tab lists it with the same progress, and the editor's page agrees row by row.
        var tab = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/{SeedFacts.Units.SoTaiChinhSocTrang}/ke-hoach"));
        Assert.Contains($"href=\"/ke-hoach/{planId}\"", tab);
        Assert.Contains("1/2 nhiệm vụ đã thực hiện đúng hạn", tab);
        Assert.Matches("<a href=\"/so-tai-chinh-soc-trang/ke-hoach\" aria-current=\"page\">Kế hoạch</a>", tab);
        var editor = await site.SignedInAsync(EditorSite.AdminEmail);
        Assert.Equal(["done", "duethismonth"], Badges(await editor.GetStringAsync($"/quan-tri/ke-hoach/{planId}")));
    }

    [Fact]
    public async Task The_api_lists_plans_by_unit_and_year_and_answers_bad_input_with_problem_details()
    {
        var api = site.NewBrowser();

        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/plans?unit={SeedFacts.Units.SoLdtbxhBinhDinh}&year=2021"));
        var plan = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal((SeedFacts.Plans.SoLdtbxhBinhDinh2021, 6), (plan.GetProperty("title").GetString(), plan.GetProperty("progress").GetProperty("total").GetInt32()));
        Assert.Empty(JsonDocument.Parse(await api.GetStringAsync($"/api/v1/plans?unit={SeedFacts.Units.SoLdtbxhBinhDinh}&year=2022")).RootElement.EnumerateArray());

        var badYear = await api.GetAsync("/api/v1/plans?year=hai-nghin");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("application/problem+json", badYear.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Năm phải là số nguyên dương", await badYear.Content.ReadAsStringAsync());
        var noUnit = await api.GetAsync("/api/v1/plans?unit=khong-co");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (noUnit.StatusCode, noUnit.Content.Headers.ContentType!.MediaType));
        var noPlan = await api.GetAsync("/api/v1/plans/999999");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (noPlan.StatusCode, noPlan.Content.Headers.ContentType!.MediaType));

        var openApi = await api.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/plans\"", openApi);
        Assert.Contains("\"/api/v1/plans/{id}\"", openApi);
    }

    [Fact]
    public async Task The_public_compliance_grid_shows_units_by_month_for_the_year_asked()
    {
        var citizen = site.NewBrowser();

        var grid2022 = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/{SeedFacts.Units.UbndTinhSocTrang}/tuan-thu?nam=2022"));
        var grid2021 = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/{SeedFacts.Units.UbndTinhSocTrang}/tuan-thu?nam=2021"));

        // Sở GDĐT's seeded 2022: an article, document, video or good practice every month but June and September,
        // which have announcements only. The year is part of the cached answer.
        Assert.Contains("năm 2022", grid2022);
        Assert.Contains("năm 2021", grid2021);
        foreach (var month in Enumerable.Range(1, 12))
            Assert.Matches($"data-cell=\"{SeedFacts.Units.SoGddtSocTrang}/{month}\">\\s*<span class=\"visually-hidden\">[^<]*</span>{(month is 6 or 9 ? "Chưa có bài" : "Đạt")}", grid2022);
        Assert.Contains($"data-cell=\"{SeedFacts.Units.PhongGddtNgaNam}/1\"", grid2022);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/{SeedFacts.Units.UbndTinhSocTrang}/tuan-thu?nam=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/khong-co-don-vi/ke-hoach")).StatusCode);
    }

    [Fact]
    public async Task A_plan_over_several_years_is_followed_a_year_at_a_time_with_its_reports_due_by_the_15th()
    {
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Title == SeedFacts.Plans.SoTaiChinh2022To2030).Select(p => p.Id).SingleAsync());
        var citizen = site.NewBrowser();
        var editor = await site.SignedInAsync(EditorSite.AdminEmail);

        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/ke-hoach/{planId}?nam=2022"));
        using var api = JsonDocument.Parse(await citizen.GetStringAsync($"/api/v1/plans/{planId}?year=2022"));

        Assert.Contains("Giai đoạn 2022–2030", page);
        Assert.Contains("<strong aria-current=\"page\">Năm 2022</strong>", page);
        Assert.Contains($"href=\"/ke-hoach/{planId}?nam=2030\"", page);
        // The quarterly report (row 7) is due by the 15th of March, June, September and December; nothing was published for it.
        Assert.Contains("Tháng 9/2022 (hạn 15/09/2022):", page);
        var rows = api.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2022, api.RootElement.GetProperty("shownYear").GetInt32());
        Assert.Equal(["2022-03-15", "2022-06-15", "2022-09-15", "2022-12-15"],
            rows[6].GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("dueOn").GetString()));
        Assert.All(rows[6].GetProperty("occurrences").EnumerateArray(), o => Assert.Equal("Overdue", o.GetProperty("status").GetString()));
        // Row 4 ("thường xuyên") is done in October and November 2022 by the seeded bulletin and video.
        Assert.Equal(["Done", "Done"], rows[3].GetProperty("occurrences").EnumerateArray().Skip(9).Take(2).Select(o => o.GetProperty("status").GetString()));
        // The editor's page of the same year agrees, and the posts of 2022 do not carry out the duties of 2023.
        Assert.Equal(Badges(page), Badges(await editor.GetStringAsync($"/quan-tri/ke-hoach/{planId}?nam=2022")));
        using var later = JsonDocument.Parse(await citizen.GetStringAsync($"/api/v1/plans/{planId}?year=2023"));
        Assert.Equal("NotDone", string.Join(",", later.RootElement.GetProperty("rows")[3].GetProperty("occurrences").EnumerateArray()
            .Take(2).Select(o => o.GetProperty("posts").GetArrayLength() == 0 ? "NotDone" : "Done").Distinct()));

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/ke-hoach/{planId}?nam=2031")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/ke-hoach/{planId}?nam=hai")).StatusCode);
        var outside = await citizen.GetAsync($"/api/v1/plans/{planId}?year=2021");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (outside.StatusCode, outside.Content.Headers.ContentType!.MediaType));
    }

    /// <summary>A plan of this year for Sở Tài chính, two rows due this month: one carried out by a published post, one only by a draft.</summary>
    private async Task<(int PlanId, string Published, string Draft)> AddCurrentPlanAsync()
    {
        var month = YearMonth.Of(DateTime.UtcNow);
        const string published = "Sở Tài chính công khai dự toán ngân sách trên chuyên trang CCHC", draft = "Bản nháp tổng kết cải cách tài chính công";
        var planId = await site.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Slug == SeedFacts.Units.SoTaiChinhSocTrang).Select(u => u.Id).SingleAsync();
            var plan = new Plan { UnitId = unitId, Year = month.Year, Title = $"Kế hoạch tuyên truyền CCHC năm {month.Year} (kiểm thử)" };
            foreach (var order in new[] { 1, 2 })
                plan.Items.Add(new PlanItem
                {
                    Order = order, Content = $"Nhiệm vụ {order}", LeadName = "Văn phòng Sở", Timing = PlanTiming.Months, DueMonths = [month.Month],
                    TimingText = $"Tháng {month.Month}",
                });
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            foreach (var (title, status, item) in new[] { (published, PostStatus.Published, plan.Items[0]), (draft, PostStatus.Draft, plan.Items[1]) })
                db.Posts.Add(new Post
                {
                    UnitId = unitId, Slug = Content.Text.Slug.From(title), Title = title, Kind = PostKind.Article, Status = status,
                    PublishAt = month.StartUtc, BodyMarkdown = "Nội dung.", CreatedAt = month.StartUtc, UpdatedAt = month.StartUtc,
                    Version = Guid.NewGuid(), PlanItemId = item.Id,
                });
            await db.SaveChangesAsync();
            return plan.Id;
        });
        return (planId, published, draft);
    }

    private static List<string> Badges(string html) => Badge().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("class=\"badge badge--(\\w+)\"")]
    private static partial Regex Badge();
}
