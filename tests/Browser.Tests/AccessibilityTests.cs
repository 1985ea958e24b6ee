using Microsoft.EntityFrameworkCore;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// State portals must be usable with assistive technology. axe-core finds the machine-checkable part;
/// every serious or critical violation fails, with enough detail in the message to fix it.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData(SamplePage.Home)]
    [InlineData(SamplePage.Unit)]
    [InlineData(SamplePage.Article)]
    [InlineData(SamplePage.Document)]
    [InlineData(SamplePage.Video)]
    public async Task Page_has_no_serious_or_critical_axe_violations(SamplePage sample)
    {
        var path = await site.PathOfAsync(sample);
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");

        await AssertNoBlockingViolationsAsync(page, path);
    }

    [Theory]
    [InlineData("/gui-cau-hoi")]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}/phan-anh-kien-nghi")]
    [InlineData("/hoi-dap")]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}/hoi-dap")]
    [InlineData("/tra-cuu")]
    public async Task Question_page_has_no_serious_or_critical_axe_violations(string path)
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");
        await AssertNoBlockingViolationsAsync(page, path);
    }

    [Fact]
    public async Task The_editor_login_and_post_form_have_no_serious_or_critical_axe_violations()
    {
        await site.AddUserAsync("axe@cchc.test", (SiteFixture.UnitSlug, Content.Accounts.UnitRole.Editor));
        var page = await site.NewPageAsync();
        await page.GotoAsync("/quan-tri/dang-nhap");
        await AssertNoBlockingViolationsAsync(page, "/quan-tri/dang-nhap");

        await page.GetByLabel("Thư điện tử").FillAsync("axe@cchc.test");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/quan-tri");
        await AssertNoBlockingViolationsAsync(page, "/quan-tri");
        var form = $"/quan-tri/bai-viet/moi?don-vi={SiteFixture.UnitSlug}&loai=Document";
        await page.GotoAsync(form);
        await AssertNoBlockingViolationsAsync(page, form);
    }

    [Fact]
    public async Task The_plan_dashboard_and_report_pages_have_no_serious_or_critical_axe_violations()
    {
        await site.AddUserAsync("axe-ke-hoach@cchc.test", (SiteFixture.UnitSlug, Content.Accounts.UnitRole.Approver));
        var page = await site.SignInAsync("axe-ke-hoach@cchc.test");
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SiteFixture.UnitSlug).Select(p => p.Id).SingleAsync());
        foreach (var path in new[] { "/quan-tri/ke-hoach", $"/quan-tri/ke-hoach/{planId}", "/quan-tri/tuan-thu?nam=2022",
                     $"/quan-tri/tuan-thu/{SiteFixture.UnitSlug}/2022/3", $"/quan-tri/bao-cao?don-vi={SiteFixture.UnitSlug}&ky=Quarter&nam=2022&quy=1" })
        {
            await page.GotoAsync(path);
            await AssertNoBlockingViolationsAsync(page, path);
        }
    }

    internal static async Task AssertNoBlockingViolationsAsync(IPage page, string path)
    {
        AxeResult result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"axe-core found {blocking.Count} serious/critical violation(s) on {path}:\n{Describe(blocking)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]\n" +
        string.Join("\n", v.Nodes.Select(n => $"    target {n.Target}: {Why(n)} | {n.Html}"))));

    /// <summary>axe's check messages for one node: what made it fail.</summary>
    private static string Why(AxeResultNode node) => string.Join("; ",
        new[] { node.Any, node.All, node.None }.Where(checks => checks is not null).SelectMany(checks => checks!)
            .Select(check => check.Message).Where(message => !string.IsNullOrEmpty(message)).Distinct());
}
