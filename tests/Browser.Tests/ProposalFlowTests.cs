using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A post proposed upward: Phòng GDĐT Ngã Năm's approver offers one of its published posts to the town's section; the
/// town's board (its approver, on a phone) accepts it under its own title; the town's section then shows that title with
/// the office named as the source. The post is one no seeded proposal names, so the seed's proposals stay as they are.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ProposalFlowTests(SiteFixture site)
{
    private const string Office = SeedFacts.Units.PhongGddtNgaNam, Town = SeedFacts.Units.UbndThiXaNgaNam;

    [Fact]
    public async Task An_office_proposes_a_post_the_towns_board_accepts_it_and_the_towns_section_shows_it_with_its_source()
    {
        await site.AddUserAsync("de-xuat@pgddt-ngonam.test", (Office, UnitRole.Approver));
        await site.AddUserAsync("to-bien-tap@txngonam.test", (Town, UnitRole.Approver));
        var post = await site.WithDbAsync(db => db.Posts.AsNoTracking().VisibleAt(DateTime.UtcNow)
            .Where(p => p.Unit.Slug == Office && !db.PostProposals.Any(x => x.PostId == p.Id))
            .OrderByDescending(p => p.PublishAt).Select(p => new { p.Id, p.Kind, p.Slug, p.Title }).FirstAsync());

        var office = await site.SignInAsync("de-xuat@pgddt-ngonam.test", width: 1366);
        var proposePath = $"/quan-tri/bai-viet/{post.Id}/de-xuat";
        await office.GotoAsync(proposePath);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(office, proposePath);
        await office.GetByLabel(SeedFacts.UnitNames.UbndThiXaNgaNam).CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Gửi đề xuất" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đề xuất bài lên 1 đơn vị cấp trên.");
        await Assertions.Expect(office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ngã Năm" }).First).ToContainTextAsync("Chờ quyết định");

        var board = await site.SignInAsync("to-bien-tap@txngonam.test", width: 390, height: 844);
        await board.GotoAsync("/quan-tri/bai-de-xuat?trang-thai=Pending");
        await board.GetByRole(AriaRole.Link, new() { Name = post.Title }).ClickAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(board, new Uri(board.Url).AbsolutePath);
        Assert.True(await board.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        const string boardTitle = "Ngành giáo dục thị xã: tin từ Phòng GDĐT do Tổ Biên tập chọn đăng";
        await board.GetByLabel(new Regex("^Tiêu đề trên trang")).FillAsync(boardTitle);
        await SiteFixture.ScreenshotAsync(board, "de-xuat-nhan-dang-390");
        await board.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Nhận đăng vào trang") }).ClickAsync();
        await Assertions.Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhận đăng bài vào trang UBND thị xã Ngã Năm.");

        // The town's tab of that kind lists the post under the board's title, the office named as the source.
        var reader = await site.NewPageAsync(width: 390, height: 844);
        var titleLink = $".card__title a[href='{PostKindSegments.PostUrl(Office, post.Kind, post.Slug)}']";
        var link = reader.Locator("main " + titleLink);
        for (var page = 1; page <= 20 && await link.CountAsync() == 0; page++)
        {
            var response = await reader.GotoAsync($"/{Town}/{PostKindSegments.Of(post.Kind).Segment}?trang={page}");
            if (response is not { Ok: true })
                break;
        }
        await Assertions.Expect(link).ToHaveTextAsync(boardTitle);
        var card = reader.Locator("main .card").Filter(new() { Has = reader.Locator(titleLink) });
        await Assertions.Expect(card).ToContainTextAsync("Nguồn:");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Phòng GDĐT Ngã Năm" })).ToBeVisibleAsync();
    }
}
