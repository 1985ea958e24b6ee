using CchcSite.Content.Contests;
using CchcSite.Content.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A visitor finds a published contest with the search box of /hoi-thi, typed with and without tones, takes part, and
/// downloads the certificate of participation: a PDF that names them. The contest is this test's own, never seeded content.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ContestSearchAndCertificateTests(SiteFixture site)
{
    private const string Title = "Hội thi tìm hiểu Quy chế văn hóa công sở Đồng Tháp";
    private const string Participant = "Nguyễn Thị Hương Giang";

    /// <summary>A published contest whose only round is open, with one question, organised by the fixture's unit.</summary>
    private Task<string> OpenContestAsync() => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == SiteFixture.UnitSlug).Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var contest = new Contest
        {
            UnitId = unitId, Slug = "hoi-thi-van-hoa-cong-so-dong-thap-trinh-duyet", Title = Title, Summary = "Tìm hiểu quy chế văn hóa công sở tại các cơ quan hành chính.",
            RulesMarkdown = "Mỗi người dự thi một lần mỗi đợt.", Audience = ContestAudience.Everyone, Status = ContestStatus.Published, PublishedAt = now,
            QuestionsPerAttempt = 1, TimeLimitSeconds = 600, AttemptsPerRound = 1, CreatedAt = now, UpdatedAt = now,
            Rounds = [new ContestRound { Number = 1, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(14) }],
            Questions =
            [
                new ContestQuestion
                {
                    Text = "Cán bộ, công chức đeo thẻ khi nào?", Kind = QuestionKind.SingleChoice, Order = 1,
                    Explanation = "Theo Quyết định 129/2007/QĐ-TTg về Quy chế văn hóa công sở, Điều 6.",
                    Options = [new ContestOption { Text = "Khi thi hành công vụ", Order = 1, IsCorrect = true }, new ContestOption { Text = "Chỉ khi họp", Order = 2 }],
                },
            ],
        };
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        return contest.Slug;
    });

    private static async Task SearchAsync(IPage page, string words)
    {
        await page.GotoAsync(ContestAddresses.List);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Từ khóa" }).FillAsync(words);
        await page.GetByRole(AriaRole.Search, new() { Name = "Tìm hội thi" }).GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
    }

    [Fact]
    public async Task A_visitor_finds_the_contest_with_or_without_tones_takes_part_and_downloads_a_certificate_that_names_them()
    {
        var slug = await OpenContestAsync();
        var page = await site.NewPageAsync(width: 390, height: 844);
        var found = page.Locator("ul.contest-list").GetByRole(AriaRole.Link, new() { Name = Title, Exact = true });

        // The index follows the save through the outbox: wait for it before asking the search box.
        for (var i = 0; i < 40 && await found.CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.GotoAsync($"{ContestAddresses.List}?q=van%20hoa%20cong%20so%20dong%20thap");
        }
        foreach (var words in new[] { "văn hóa công sở Đồng Tháp", "van hoa cong so dong thap" })
        {
            await SearchAsync(page, words);
            await Assertions.Expect(page.Locator(".search-results__count")).ToContainTextAsync($"cho “{words}”");
            await Assertions.Expect(found).ToHaveCountAsync(1);
        }
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the contest search results");
        await SiteFixture.ScreenshotAsync(page, "contest-search-390");

        await found.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url(ContestAddresses.Contest(slug)));
        await page.GetByLabel("Họ và tên (*)").FillAsync(Participant);
        await page.GetByLabel("Số điện thoại").FillAsync("0987 654 321");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync();
        await page.GetByLabel("Khi thi hành công vụ").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kết quả bài thi");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the result with its certificate link");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Tải giấy chứng nhận tham gia (PDF)" });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        // The same address read in the same browser context: its type and the text the PDF carries.
        var response = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/pdf", response.Headers["content-type"]);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await response.BodyAsync());
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains(Participant, text);
        Assert.Contains(Title, text);
    }
}
