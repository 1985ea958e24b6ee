using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A participant on a 360 px phone takes part in the seeded open contest: details, answers saved as they go, a reload
/// midway that keeps them, submission and the score; every contest page is checked with axe and photographed.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ContestFlowTests(SiteFixture site)
{
    private const string Open = "tim-hieu-cai-cach-hanh-chinh";
    private const string Finished = "cuoc-thi-truc-tuyen-cchc-2022";

    [Fact]
    public async Task A_participant_on_a_phone_answers_reloads_midway_keeps_the_answers_submits_and_sees_the_score()
    {
        var page = await site.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/hoi-thi");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the contest list");
        // The seeded contest's own button: other flows publish contests of their own with a round 1 open too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tham gia đợt 1" }).And(page.Locator($"[href='/hoi-thi/{Open}']")).ClickAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the contest page");

        await page.GetByLabel("Họ và tên (*)").FillAsync("Trần Văn Khoa");
        await page.GetByLabel("Số điện thoại").FillAsync("+84 918.765.432");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync("phút");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the attempt");

        // Two answers saved by the page's script as they are chosen, then a reload: both are still chosen.
        var status = page.Locator("[data-contest-status]");
        await page.Locator("#cau-1 input").Nth(1).CheckAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Đã lưu câu trả lời.");
        await status.EvaluateAsync("e => e.textContent = ''");
        await page.Locator("#cau-2 input").First.CheckAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Đã lưu câu trả lời.");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#cau-1 input").Nth(1)).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#cau-2 input").First).ToBeCheckedAsync();
        await SiteFixture.ScreenshotAsync(page, "contest-attempt-360");

        await page.GetByLabel("Câu hỏi phụ", new() { Exact = false }).FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kết quả bài thi");
        await Assertions.Expect(page.Locator(".contest-score")).ToContainTextAsync("/15");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the attempt's result");
        await SiteFixture.ScreenshotAsync(page, "contest-result-360");
    }

    [Theory]
    [InlineData("/hoi-thi", "contest-list")]
    [InlineData("/hoi-thi/" + Open, "contest-page")]
    [InlineData("/hoi-thi/" + Finished + "/ket-qua", "contest-results")]
    [InlineData("/hoi-thi/" + Finished + "/ket-qua/dot-1", "contest-round-results")]
    public async Task Contest_pages_have_no_serious_or_critical_axe_violations_at_phone_and_desktop_width(string path, string name)
    {
        foreach (var width in new[] { 390, 1366 })
        {
            var page = await site.NewPageAsync(width: width, height: 900);
            await page.GotoAsync(path);
            await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"{path} at {width} px");
            // Nothing is wider than the screen, so a phone never scrolls sideways (tables scroll in their own box).
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than {width} px");
            await SiteFixture.ScreenshotAsync(page, $"{name}-{width}");
        }
    }
}
