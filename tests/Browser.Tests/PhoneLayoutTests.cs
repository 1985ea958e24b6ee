using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>Most visitors read on a phone: no page may need sideways scrolling at 360 CSS pixels.</summary>
[Collection(SiteCollection.Name)]
public sealed class PhoneLayoutTests(SiteFixture site)
{
    [Theory]
    [InlineData(SamplePage.Home)]
    [InlineData(SamplePage.Unit)]
    [InlineData(SamplePage.Article)]
    [InlineData(SamplePage.Document)]
    [InlineData(SamplePage.Video)]
    public async Task Page_fits_a_360px_phone_without_horizontal_scrolling(SamplePage sample) =>
        await AssertFitsAsync(await site.PathOfAsync(sample));

    [Theory]
    [InlineData("/gui-cau-hoi")]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}/phan-anh-kien-nghi")]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}/hoi-dap")]
    [InlineData("/tra-cuu")]
    public Task Question_page_fits_a_360px_phone_without_horizontal_scrolling(string path) => AssertFitsAsync(path);

    private async Task AssertFitsAsync(string path) => await AssertFitsAsync(await site.NewPageAsync(width: 360, height: 740), path);

    [Fact]
    public async Task The_plan_dashboard_and_report_fit_a_phone_with_their_wide_tables_scrolling_inside_their_box()
    {
        await site.AddUserAsync("dien-thoai@cchc.test", (SiteFixture.UnitSlug, Content.Accounts.UnitRole.Approver));
        var page = await site.SignInAsync("dien-thoai@cchc.test", width: 360, height: 740);
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SiteFixture.UnitSlug).Select(p => p.Id).SingleAsync());
        foreach (var path in new[] { "/quan-tri/tuan-thu?nam=2022", $"/quan-tri/bao-cao?don-vi={SiteFixture.UnitSlug}&ky=Year&nam=2022", "/quan-tri/ke-hoach",
                     $"/quan-tri/ke-hoach/{planId}", $"/quan-tri/bai-viet/moi?don-vi={SiteFixture.UnitSlug}" })
            await AssertFitsAsync(page, path);
    }

    internal static async Task AssertFitsAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var layout = await page.EvaluateAsync<Layout>("""
            () => {
              const width = window.innerWidth;
              // Name the elements that stick out, so a failure says what to fix; those inside a box that
              // scrolls or clips on its own (e.g. a swipeable tab bar) do not widen the page.
              const clipped = e => {
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                  if (getComputedStyle(a).overflowX !== 'visible') return true;
                return false;
              };
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5 && !clipped(e))
                .slice(0, 10)
                .map(e => {
                  const r = e.getBoundingClientRect();
                  const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '';
                  return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${cls} (right edge ${Math.round(r.right)}px)`;
                });
              return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
            }
            """);
        Assert.True(layout.ScrollWidth <= layout.InnerWidth,
            $"{path} scrolls sideways on a 360px phone: scrollWidth {layout.ScrollWidth} > innerWidth {layout.InnerWidth}. " +
            $"Elements past the right edge: {string.Join("; ", layout.Wide)}");
    }

    private sealed class Layout
    {
        public int ScrollWidth { get; set; }
        public int InnerWidth { get; set; }
        public string[] Wide { get; set; } = [];
    }
}
