using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// What each role sees first after signing in ("Việc của tôi"), with counts checked against the seeded database, at a
/// desktop and a phone width; the side navigation as a menu on a phone; the design-system page. Every screen is checked
/// with axe and saved as a screenshot artefact.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class EditorHomeTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.SoGddtSocTrang;
    public static readonly TheoryData<int> Widths = new() { 1366, 390 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task An_approver_sees_the_posts_waiting_for_approval_and_reaches_them_in_one_click(int width)
    {
        var email = $"home-lanh-dao-{width}@gddt.test";
        await site.AddUserAsync(email, (Unit, UnitRole.Approver));
        // The test puts a post of its own in review, so the queue is not empty and no published post of the shared site
        // leaves the public pages; the expected number is the database's.
        var title = $"Bài chờ duyệt cho trang chủ người duyệt ({width} px)";
        await site.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Slug == Unit).Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            db.Posts.Add(new Post
            {
                UnitId = unitId, Kind = PostKind.Article, Slug = $"bai-cho-duyet-trang-chu-{width}", Title = title,
                BodyMarkdown = "Nội dung chờ duyệt.", Status = PostStatus.InReview, CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
        var expected = await site.WithDbAsync(db => db.Posts.CountAsync(p => p.Unit.Slug == Unit
            && (p.Status == PostStatus.InReview || p.PendingChange != null && p.PendingChange.Status == PostStatus.InReview)));

        var page = await site.SignInAsync(email, width, 900);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Việc của tôi");
        var card = page.Locator("[data-work=cho-duyet]");
        await Assertions.Expect(card.Locator(".work__number")).ToHaveTextAsync(expected.ToString());
        await Assertions.Expect(card).ToContainTextAsync("Chờ tôi duyệt");
        await AssertNavigationAsync(page, width, "Bài viết", "Theo dõi thực hiện");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Người dùng và quyền" })).ToHaveCountAsync(0);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the approver's home at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"home-approver-{width}");

        await card.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Xem và duyệt.*" + Regex.Escape(title)) })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"{expected} bài viết")).ToBeVisibleAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task An_editor_sees_their_work_and_the_buttons_to_write_for_their_unit(int width)
    {
        var email = $"home-bien-tap-{width}@gddt.test";
        await site.AddUserAsync(email, (Unit, UnitRole.Editor));
        var scheduled = await site.WithDbAsync(db => db.Posts.CountAsync(p => p.Unit.Slug == Unit && p.Status == PostStatus.Scheduled));

        var page = await site.SignInAsync(email, width, 900);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Việc của tôi");
        // Nothing of theirs has been sent back yet; an editor approves nothing, so that card is not offered.
        await Assertions.Expect(page.Locator("[data-work=tra-lai] .work__number")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-work=hen-gio] .work__number")).ToHaveTextAsync(scheduled.ToString());
        await Assertions.Expect(page.Locator("[data-work=cho-duyet]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "+ Tin, bài" })).ToBeVisibleAsync();
        await AssertNavigationAsync(page, width, "Bài viết", "Thư viện ảnh và tệp");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hỏi – đáp, phản ánh, kiến nghị" })).ToHaveCountAsync(0);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the editor's home at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"home-editor-{width}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_hotline_officer_lands_on_the_inbox_with_the_count_of_new_questions(int width)
    {
        var email = $"home-tiep-nhan-{width}@gddt.test";
        await site.AddUserAsync(email, (Unit, UnitRole.HotlineOfficer));
        // The badge counts the new questions, not yet given to anyone (answers waiting for release are an approver's).
        var waiting = await site.WithDbAsync(db => db.Submissions.CountAsync(s => s.Unit.Slug == Unit && s.Status == SubmissionStatus.Received));

        var page = await site.SignInAsync(email, width, 900);
        Assert.EndsWith("/quan-tri/hoi-dap", page.Url);
        await AssertNavigationAsync(page, width, "Hỏi – đáp, phản ánh, kiến nghị");
        var inboxLink = page.Locator("#dieu-huong a[href='/quan-tri/hoi-dap']");
        await Assertions.Expect(inboxLink).ToHaveAttributeAsync("aria-current", "page");
        if (waiting > 0)
            await Assertions.Expect(inboxLink.Locator(".count")).ToHaveTextAsync(waiting.ToString());
        else
            await Assertions.Expect(inboxLink.Locator(".count")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bài viết", Exact = true })).ToHaveCountAsync(0);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the hotline officer's inbox at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"home-hotline-{width}");

        // Their home page, asked for directly, sends them to the inbox too.
        await page.GotoAsync("/quan-tri");
        await page.WaitForURLAsync("**/quan-tri/hoi-dap");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task An_administrator_sees_every_unit_s_work_the_administration_group_and_may_start_a_post(int width)
    {
        var email = $"home-quan-tri-{width}@cchc.test";
        await site.AddUserAsync(email);
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsAdministrator, true)));
        var waiting = await site.WithDbAsync(db => db.Posts.CountAsync(p =>
            p.Status == PostStatus.InReview || p.PendingChange != null && p.PendingChange.Status == PostStatus.InReview));

        var page = await site.SignInAsync(email, width, 900);
        await Assertions.Expect(page.Locator("[data-work=cho-duyet] .work__number")).ToHaveTextAsync(waiting.ToString());
        await AssertNavigationAsync(page, width, "Người dùng và quyền", "Nhật ký thao tác", "Mẫu giao diện quản trị");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the administrator's home at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"home-admin-{width}");

        // "New post" asks for the unit instead of refusing.
        await page.GetByRole(AriaRole.Link, new() { Name = "+ Viết bài mới (chọn đơn vị)" }).ClickAsync();
        await page.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = SeedFacts.UnitNames.SoGddtSocTrang });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Tiêu đề (bắt buộc)")).ToBeVisibleAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_design_system_page_shows_each_component_and_its_confirmation_asks_first(int width)
    {
        var email = $"giao-dien-{width}@gddt.test";
        await site.AddUserAsync(email, (Unit, UnitRole.Editor));
        var page = await site.SignInAsync(email, width, 900);
        await page.GotoAsync("/quan-tri/giao-dien");
        foreach (var heading in new[] { "Màu và khoảng cách", "Nút", "Biểu mẫu", "Thông báo", "Bảng, nhãn trạng thái, thẻ", "Thẻ việc cần làm" })
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"/quan-tri/giao-dien at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"giao-dien-{width}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Thử hộp xác nhận" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Thử hộp xác nhận?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("nói rõ điều gì sẽ xảy ra");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hủy, không thực hiện" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_compliance_grid_shows_all_twelve_months_and_the_totals_without_scrolling_at_1366_px(int width)
    {
        var email = $"tuan-thu-{width}@soctrang.test";
        await site.AddUserAsync(email, (SeedFacts.Units.UbndTinhSocTrang, UnitRole.Approver));
        var page = await site.SignInAsync(email, width, 900);
        await page.GotoAsync("/quan-tri/tuan-thu?nam=2022");
        var wrap = page.Locator(".quota-wrap");
        var december = page.GetByRole(AriaRole.Columnheader, new() { Name = "Tháng 12" });
        await Assertions.Expect(december).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Số tháng đạt" })).ToBeVisibleAsync();
        // Each cell says its result in symbols and numbers, and each unit its total out of twelve.
        await Assertions.Expect(page.Locator(".quota__total").First).ToHaveTextAsync(new Regex(@"^\d+/12$"));
        if (width >= 1366)
        {
            var fits = await wrap.EvaluateAsync<bool>("w => w.scrollWidth <= w.clientWidth");
            Assert.True(fits, "the grid needs no horizontal scrolling at 1366 px");
            var box = (await page.Locator(".quota thead th").Last.BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= width, $"the last column ends at {box.X + box.Width}px");
        }
        else
        {
            // On a phone the grid scrolls inside its box with the unit column held in place.
            Assert.Equal("sticky", await page.Locator(".quota tbody .quota__unit").First.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        }
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"the compliance grid at {width} px");
        await SiteFixture.ScreenshotAsync(page, $"compliance-{width}");
    }

    /// <summary>The side navigation holds the links; on a phone it is a menu, closed until "Menu" is pressed.</summary>
    private static async Task AssertNavigationAsync(IPage page, int width, params string[] links)
    {
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng quản trị" });
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        if (width < 960)
        {
            await Assertions.Expect(nav).ToBeHiddenAsync();
            await menu.ClickAsync();
            await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        }
        else
            await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(nav).ToBeVisibleAsync();
        foreach (var link in links)
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(link)) })).ToBeVisibleAsync();
        if (width < 960)
        {
            await menu.ClickAsync();
            await Assertions.Expect(nav).ToBeHiddenAsync();
        }
    }
}
