using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// Every page the editor area's side navigation leads to, as an administrator (who sees every link) at a desktop and a phone
/// width: no serious or critical axe violations, and on a phone no sideways scrolling of the page itself (a wide table
/// scrolls inside its own box). Each page is saved as a screenshot artefact.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class EditorPagesAxeTests(SiteFixture site)
{
    public static readonly TheoryData<int> Widths = new() { 1366, 390 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Every_page_of_the_side_navigation_passes_axe_and_fits_the_screen(int width)
    {
        var email = $"axe-dieu-huong-{width}@cchc.test";
        await site.AddUserAsync(email);
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsAdministrator, true)));
        var page = await site.SignInAsync(email, width, 900);
        // Read from the markup, so a link added to the navigation is walked without touching this test.
        var links = (await page.Locator("nav[aria-label='Chức năng quản trị'] a").EvaluateAllAsync<string[]>("all => all.map(a => a.getAttribute('href'))"))
            .Select(href => href.Split('#')[0]).Distinct().ToList();
        Assert.True(links.Count >= 20, $"the administrator's navigation has every group's links, found {links.Count}");

        var problems = new List<string>();
        foreach (var path in links)
        {
            var response = await page.GotoAsync(path);
            if (response is not { Ok: true })
            {
                problems.Add($"{path}: HTTP {response?.Status}");
                continue;
            }
            try
            {
                await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"{path} at {width} px");
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                problems.Add(e.Message);
            }
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
                problems.Add($"{path} at {width} px scrolls sideways by {overflow} px");
            await SiteFixture.ScreenshotAsync(page, $"nav{path.Replace('/', '-')}-{width}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
