using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Plans;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>Who reads and who edits plans, the dashboard and reports: a unit sees itself and its sub-units, never another unit.</summary>
public sealed class PlanAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { ReadPlan, EditPlanForm, SavePlanRow, ReportPage, ReportCsv, MonthPosts }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Readers = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer];
    private static readonly HashSet<Who> Managers = [Who.Administrator, Who.Approver];

    /// <summary>The unit under test has no seeded plan; each case gets one of its own.</summary>
    private Task<int> PlanOfTheUnitAsync() => site.WithDbAsync(async db =>
    {
        var plan = new Plan { UnitId = (await db.Units.SingleAsync(u => u.Slug == AuthorizationMatrix.Unit)).Id, Year = 2021, Title = "Kế hoạch tuyên truyền CCHC năm 2021" };
        plan.Items.Add(new PlanItem { Order = 1, Content = "Đưa tin, bài", LeadName = "Phòng GDĐT", Timing = PlanTiming.Monthly, TimingText = "Thường xuyên" });
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome(Endpoint endpoint, Who who)
    {
        var planId = await PlanOfTheUnitAsync();
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"ke-hoach-{endpoint}-{who}".ToLowerInvariant());
        var report = $"ky=Year&nam=2021&don-vi={AuthorizationMatrix.Unit}";
        var response = endpoint switch
        {
            Endpoint.ReadPlan => await browser.GetAsync($"/quan-tri/ke-hoach/{planId}"),
            Endpoint.EditPlanForm => await browser.GetAsync($"/quan-tri/ke-hoach/{planId}/sua"),
            Endpoint.SavePlanRow => await PostRowAsync(browser, planId),
            Endpoint.ReportPage => await browser.GetAsync($"/quan-tri/bao-cao?{report}"),
            Endpoint.ReportCsv => await browser.GetAsync($"/quan-tri/bao-cao/tai-ve.csv?{report}"),
            _ => await browser.GetAsync($"/quan-tri/tuan-thu/{AuthorizationMatrix.Unit}/2021/3"),
        };
        var expected = who == Who.Anonymous ? Outcome.Login
            : (endpoint is Endpoint.EditPlanForm or Endpoint.SavePlanRow ? Managers : Readers).Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, $"/quan-tri/ke-hoach/{planId}"));
    }

    /// <summary>The anti-forgery token comes from the user's own plan page, or from the sign-in page for those who cannot open it.</summary>
    private static async Task<HttpResponseMessage> PostRowAsync(HttpClient browser, int planId)
    {
        var page = await browser.GetAsync($"/quan-tri/ke-hoach/{planId}");
        var html = page.StatusCode == HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : await browser.GetStringAsync("/quan-tri/dang-nhap");
        return await browser.PostAsync($"/quan-tri/ke-hoach/{planId}/nhiem-vu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Content"] = "Công bố chỉ số CCHC", ["Lead"] = "Phòng GDĐT", ["TimingText"] = "Tháng 3",
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html),
        }));
    }

    [Fact]
    public async Task A_parent_unit_reads_its_sub_units_plans_and_reports_but_edits_nothing_of_theirs()
    {
        var planId = await PlanOfTheUnitAsync();
        await site.AddUserAsync("lanh-dao-thi-xa@cchc.test", (SeedFacts.Units.UbndThiXaNgaNam, UnitRole.Approver));
        var browser = await site.SignedInAsync("lanh-dao-thi-xa@cchc.test");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/quan-tri/ke-hoach/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/quan-tri/bao-cao?ky=Year&nam=2021&don-vi={AuthorizationMatrix.Unit}")).StatusCode);
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/ke-hoach/{planId}/sua"), "-"));

        var grid = await browser.GetStringAsync("/quan-tri/tuan-thu?nam=2021");
        Assert.Contains(SeedFacts.UnitNames.UbndThiXaNgaNam, grid);
        Assert.Contains("Phòng Giáo dục và Đào tạo thị xã Ngã Năm", grid);
        Assert.DoesNotContain("Sở Lao động", grid);
        Assert.DoesNotContain("Ủy ban nhân dân tỉnh Sóc Trăng", grid);
    }

    [Fact]
    public async Task A_sub_unit_sees_nothing_of_the_unit_above_it()
    {
        await site.AddUserAsync("bt-phong@cchc.test", (AuthorizationMatrix.Unit, UnitRole.Editor));
        var browser = await site.SignedInAsync("bt-phong@cchc.test");
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/bao-cao?ky=Year&nam=2021&don-vi={SeedFacts.Units.UbndThiXaNgaNam}"), "-"));
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/tuan-thu/{SeedFacts.Units.UbndThiXaNgaNam}/2021/3"), "-"));
        var grid = await browser.GetStringAsync("/quan-tri/tuan-thu?nam=2021");
        Assert.DoesNotContain(SeedFacts.UnitNames.UbndThiXaNgaNam, grid);
        Assert.DoesNotContain(SeedFacts.Plans.SoLdtbxhBinhDinh2021, await browser.GetStringAsync("/quan-tri/ke-hoach"));
    }
}
