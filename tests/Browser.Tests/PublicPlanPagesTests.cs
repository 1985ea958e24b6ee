using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>The public plan pages: no serious axe violation on a 390 px phone, and nothing to scroll sideways at 360 px.</summary>
[Collection(SiteCollection.Name)]
public sealed class PublicPlanPagesTests(SiteFixture site)
{
    [Fact]
    public async Task The_plan_tab_plan_page_and_compliance_grid_pass_axe_and_fit_a_phone()
    {
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SeedFacts.Units.SoGddtSocTrang).Select(p => p.Id).SingleAsync());
        string[] paths = [$"/{SeedFacts.Units.SoGddtSocTrang}/ke-hoach", $"/ke-hoach/{planId}", $"/{SeedFacts.Units.UbndTinhSocTrang}/tuan-thu?nam=2022"];
        var phone = await site.NewPageAsync(width: 390, height: 844);
        var small = await site.NewPageAsync(width: 360, height: 740);
        foreach (var path in paths)
        {
            var response = await phone.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");
            await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, path);
            await PhoneLayoutTests.AssertFitsAsync(small, path);
        }
        // The status is read out in words, not carried by colour alone.
        await phone.GotoAsync($"/ke-hoach/{planId}");
        await Assertions.Expect(phone.GetByRole(AriaRole.List, new() { Name = "Tình hình thực hiện nhiệm vụ 12" })).ToContainTextAsync("Hoàn thành");
    }
}
