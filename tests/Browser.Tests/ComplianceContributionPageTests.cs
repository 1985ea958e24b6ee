using CchcSite.Content.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// The town's approver reads, on the compliance page and in the year's report, how many contest entries its units'
/// civil servants sent in the seeded 2022 sample contest; checked with axe and saved as screenshots at both widths.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ComplianceContributionPageTests(SiteFixture site)
{
    public static readonly TheoryData<int> Widths = new() { 1366, 390 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_compliance_page_and_the_report_count_each_units_contest_entries(int width)
    {
        var email = $"dong-gop-{width}@nganam.test";
        await site.AddUserAsync(email, (SeedFacts.Units.UbndThiXaNgaNam, UnitRole.Approver));
        var office = await site.WithDbAsync(db => db.ContestAttempts.CountAsync(a => a.Unit!.Slug == SeedFacts.Units.PhongGddtNgaNam && a.IsSample
            && a.SubmittedAt != null && a.DisqualifiedReason == null));

        var page = await site.SignInAsync(email, width, 900);
        await page.GotoAsync(site.Url("/quan-tri/tuan-thu?nam=2022"));
        var row = page.Locator($"tr[data-unit={SeedFacts.Units.PhongGddtNgaNam}]");
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync(office.ToString());
        await Assertions.Expect(row.GetByRole(AriaRole.Rowheader)).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the compliance page at {width} px");
        await page.Locator("#dong-gop").ScrollIntoViewIfNeededAsync();
        await SiteFixture.ScreenshotAsync(page, $"compliance-contributions-{width}");

        await page.GotoAsync(site.Url($"/quan-tri/bao-cao?ky=Year&nam=2022&don-vi={SeedFacts.Units.UbndThiXaNgaNam}&gom-don-vi-con=true"));
        await Assertions.Expect(page.GetByText("Tham gia hội thi, cuộc thi trực tuyến")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the report at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"report-contest-participation-{width}");
    }
}
