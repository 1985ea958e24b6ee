using CchcSite.Content.Accounts;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A reader on a phone answers "Câu trả lời này có hữu ích không?" under a published answer and is thanked in place; an
/// approver of the answering unit then sees the vote in the inbox. axe on both screens.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HelpfulVoteFlowTests(SiteFixture site)
{
    [Fact]
    public async Task A_reader_finds_an_answer_helpful_on_a_phone_and_the_officer_sees_one_yes()
    {
        // The last seeded answer: no other browser test votes on it.
        var (id, unit) = await site.WithDbAsync(async db => await db.Submissions.PublishedQuestions().OrderByDescending(s => s.Id)
            .Select(s => new ValueTuple<int, string>(s.Id, s.Unit.Slug)).FirstAsync());
        await site.AddUserAsync("duyet-huu-ich@browser.test", (unit, UnitRole.Approver));

        var reader = await site.NewPageAsync(width: 390, height: 844);
        await reader.GotoAsync($"/hoi-dap/{id}");
        var vote = reader.GetByRole(AriaRole.Group, new() { Name = HelpfulVotes.Question });
        await Assertions.Expect(vote).ToBeVisibleAsync();
        await SiteFixture.ScreenshotAsync(reader, "huu-ich-390");
        await vote.GetByRole(AriaRole.Button, new() { Name = "Có", Exact = true }).ClickAsync();
        var thanks = reader.Locator("[data-helpful-status]");
        await Assertions.Expect(thanks).ToHaveTextAsync(HelpfulVotes.Thanks);
        await Assertions.Expect(thanks).ToBeFocusedAsync();
        await Assertions.Expect(vote).ToBeHiddenAsync();
        // In place: the reader is still on the answer's page.
        Assert.EndsWith($"/hoi-dap/{id}", reader.Url);
        await SiteFixture.ScreenshotAsync(reader, "huu-ich-cam-on-390");
        await reader.SetViewportSizeAsync(1366, 900);
        await SiteFixture.ScreenshotAsync(reader, "huu-ich-cam-on-1366");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(reader, "an answer after the vote");

        // The confirmation a reader without script gets after the cached page's post (opening it stores nothing).
        await reader.SetViewportSizeAsync(390, 844);
        await reader.GotoAsync($"/hoi-dap/{id}/y-kien?huu-ich=khong");
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý: Không" })).ToBeVisibleAsync();
        await SiteFixture.ScreenshotAsync(reader, "huu-ich-xac-nhan-390");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(reader, "the vote's confirmation");

        var officer = await site.SignInAsync("duyet-huu-ich@browser.test", width: 1366, height: 900);
        await officer.GotoAsync($"/quan-tri/hoi-dap/{id}");
        await Assertions.Expect(officer.GetByText("1 có · 0 không · 100% hữu ích")).ToBeVisibleAsync();
        await SiteFixture.ScreenshotAsync(officer, "huu-ich-can-bo-1366");
        await officer.SetViewportSizeAsync(390, 844);
        await SiteFixture.ScreenshotAsync(officer, "huu-ich-can-bo-390");
        await officer.SetViewportSizeAsync(1366, 900);
        await officer.GotoAsync($"/quan-tri/hoi-dap?don-vi={unit}&xem=Done");
        await Assertions.Expect(officer.GetByRole(AriaRole.Cell, new() { Name = "1 có · 0 không · 100% hữu ích" }).First).ToBeVisibleAsync();
        await SiteFixture.ScreenshotAsync(officer, "huu-ich-hop-thu-1366");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, "the inbox with the votes' column");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, "the inbox item with its votes");
    }
}
