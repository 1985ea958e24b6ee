using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcSite.Browser.Tests;

/// <summary>
/// The public site on a 390 px phone (issue 26): a plan appendix readable in its own scrolling box, the unit's
/// hotline and actions in the first screen, every tab in view. Each check also runs axe at both widths and
/// leaves a screenshot in the test output's artefacts/ folder, so a reviewer can look at what was tested.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class PublicPortalTests(SiteFixture site)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;
    private const int DesktopWidth = 1366;

    /// <summary>The seeded 2022 plan whose appendix is a five-column table ("Tháng 01 năm 2022", "Phòng TCCB").</summary>
    private const string PlanWithAppendix = $"/{SiteFixture.UnitSlug}/van-ban/ke-hoach-tuyen-truyen-cchc-2022-sgddt";

    [Fact]
    public async Task A_plan_appendix_keeps_whole_words_in_its_cells_and_scrolls_in_its_own_box_on_a_phone()
    {
        var page = await site.NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync(PlanWithAppendix, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var box = page.Locator(".post__body .table-wrap").First;
        await Expect(box).ToBeVisibleAsync();

        // Every cell's content box is at least as wide as its longest word, measured in the cell's own font.
        var narrow = await box.EvaluateAsync<string[]>("""
            wrap => {
              const canvas = document.createElement('canvas').getContext('2d');
              const found = [];
              for (const cell of wrap.querySelectorAll('th, td')) {
                const style = getComputedStyle(cell);
                canvas.font = style.font;
                const words = cell.textContent.split(/\s+/).filter(w => w.length > 0);
                const longest = Math.max(0, ...words.map(w => canvas.measureText(w).width));
                const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                if (inner + 0.5 < longest) found.push(`"${cell.textContent.trim().slice(0, 40)}": ${inner.toFixed(1)}px < ${longest.toFixed(1)}px`);
              }
              return found;
            }
            """);
        Assert.True(narrow.Length == 0, "Cells narrower than their longest word: " + string.Join("; ", narrow));

        // Wider than the phone, so it scrolls inside its box (not the page), and says so.
        var sizes = await box.EvaluateAsync<int[]>("w => [w.scrollWidth, w.clientWidth]");
        Assert.True(sizes[0] > sizes[1], $"The appendix fits ({sizes[0]} ≤ {sizes[1]}); the test needs a table wider than a phone.");
        await Expect(page.Locator(".table-hint").First).ToBeVisibleAsync();
        Assert.Equal("region", await box.GetAttributeAsync("role"));
        await PhoneLayoutTests.AssertFitsAsync(page, PlanWithAppendix);

        // A keyboard scrolls it: the box takes focus and the arrow keys move it sideways.
        await box.FocusAsync();
        Assert.True(await box.EvaluateAsync<bool>("w => document.activeElement === w"));
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync("() => document.querySelector('.post__body .table-wrap').scrollLeft > 0");
        await box.ScreenshotAsync(new() { Path = Artefact("plan-appendix-390.png") });
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, PlanWithAppendix);
    }

    [Fact]
    public async Task A_units_hotline_and_actions_are_in_the_first_screen_of_a_phone()
    {
        var page = await site.NewPageAsync(PhoneWidth, PhoneHeight);
        var path = "/" + SiteFixture.UnitSlug;
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var call = page.Locator(".unit-actions a[href^='tel:']");
        await Expect(call).ToBeVisibleAsync();
        var bottom = await call.EvaluateAsync<double>("a => a.getBoundingClientRect().bottom");
        Assert.True(bottom <= PhoneHeight, $"The hotline link ends at {bottom}px, below the first screen ({PhoneHeight}px).");
        foreach (var name in new[] { "Gửi câu hỏi", "Phản ánh, kiến nghị", "Tra cứu" })
        {
            var link = page.Locator(".unit-actions").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
            var box = await link.BoundingBoxAsync() ?? throw new InvalidOperationException($"No \"{name}\" button.");
            Assert.True(box.Y + box.Height <= PhoneHeight, $"\"{name}\" is below the first screen.");
            Assert.True(box.Height >= 44, $"\"{name}\" is {box.Height}px high, less than a 44px touch target.");
        }
        await page.ScreenshotAsync(new() { Path = Artefact("unit-390.png") });
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, path);
    }

    [Theory]
    [InlineData("hoi-dap")]
    [InlineData("ke-hoach")]
    [InlineData("thong-bao")]
    public async Task The_current_tab_is_in_view_on_a_phone(string segment)
    {
        var page = await site.NewPageAsync(PhoneWidth, PhoneHeight);
        var path = $"/{SiteFixture.UnitSlug}/{segment}";
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var current = page.Locator(".tabs a[aria-current='page']");
        Assert.Equal(1, await current.CountAsync());
        Assert.Equal(path, await current.GetAttributeAsync("href"));
        var box = await current.BoundingBoxAsync() ?? throw new InvalidOperationException("The current tab is not drawn.");
        Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"The current tab spans {box.X}–{box.X + box.Width}px, outside the {PhoneWidth}px screen.");
        // Every tab is in view, not only the current one: the strip wraps instead of hiding tabs off-screen.
        var outside = await page.Locator(".tabs a").EvaluateAllAsync<int>(
            $"links => links.filter(a => {{ const r = a.getBoundingClientRect(); return r.left < 0 || r.right > {PhoneWidth}; }}).length");
        Assert.Equal(0, outside);
        await PhoneLayoutTests.AssertFitsAsync(page, path);
    }

    [Theory]
    [InlineData(PhoneWidth)]
    [InlineData(DesktopWidth)]
    public async Task The_changed_public_pages_have_no_serious_or_critical_axe_violations_at_both_widths(int width)
    {
        var page = await site.NewPageAsync(width, width == PhoneWidth ? PhoneHeight : 900);
        // Home, a unit, a document, a video and a form at both widths (the issue's screenshots), and the pages issue 26 changed.
        var videos = $"/{SiteFixture.UnitSlug}/video";
        await page.GotoAsync(videos);
        var video = await page.Locator("main .card__title a").First.GetAttributeAsync("href");
        foreach (var path in new[] { "/", "/" + SiteFixture.UnitSlug, $"/{SiteFixture.UnitSlug}/hoi-dap", $"/{SiteFixture.UnitSlug}/van-ban",
                     PlanWithAppendix, PlanWithAppendix + "/in", videos, video!, $"/{SiteFixture.UnitSlug}/gui-cau-hoi",
                     "/linh-vuc", "/linh-vuc/cai-cach-thu-tuc-hanh-chinh", "/tim-kiem?q=k%E1%BA%BF+ho%E1%BA%A1ch" })
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");
            await AccessibilityTests.AssertNoBlockingViolationsAsync(page, path);
            await page.ScreenshotAsync(new() { Path = Artefact($"{Name(path)}-{width}.png"), FullPage = true });
        }
    }

    [Theory]
    [InlineData(PhoneWidth)]
    [InlineData(DesktopWidth)]
    public async Task The_home_and_unit_grids_under_the_lead_story_leave_no_hole(int width)
    {
        var page = await site.NewPageAsync(width, 900);
        foreach (var path in new[] { "/", "/" + SiteFixture.UnitSlug })
        {
            await page.GotoAsync(path);
            Assert.Equal(1, await page.Locator("main .card--lead").CountAsync());
            // In each grid, the cards other than the lead fill whole rows of the grid's columns (a wide card ends its row).
            var holes = await page.Locator("main .card-grid").EvaluateAllAsync<string[]>("""
                grids => grids.map(grid => {
                    const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length;
                    const cards = [...grid.children].filter(c => !c.classList.contains('card--lead'));
                    const slots = cards.reduce((n, c) => n + (c.classList.contains('card--wide') ? columns - n % columns : 1), 0);
                    return slots % columns === 0 ? null : `${grid.closest('section')?.getAttribute('aria-labelledby')}: ${cards.length} cards in ${columns} columns`;
                }).filter(x => x !== null)
                """);
            Assert.True(holes.Length == 0, $"{path} at {width}: {string.Join("; ", holes)}");
        }
    }

    [Fact]
    public async Task Search_filters_sit_behind_one_control_on_a_phone_and_are_open_on_a_desktop()
    {
        const string path = "/tim-kiem?q=k%E1%BA%BF+ho%E1%BA%A1ch";
        var phone = await site.NewPageAsync(PhoneWidth, PhoneHeight);
        await phone.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await Expect(phone.Locator("summary.search-filters__toggle")).ToBeVisibleAsync();
        await Expect(phone.Locator("#tim-kiem-nam")).ToBeHiddenAsync();
        await phone.Locator("summary.search-filters__toggle").ClickAsync();
        await Expect(phone.Locator("#tim-kiem-nam")).ToBeVisibleAsync();

        var desktop = await site.NewPageAsync(DesktopWidth, 900);
        await desktop.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await Expect(desktop.Locator("#tim-kiem-nam")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(PhoneWidth)]
    [InlineData(DesktopWidth)]
    public async Task The_document_register_filters_by_year_and_type(int width)
    {
        var page = await site.NewPageAsync(width, width == PhoneWidth ? PhoneHeight : 900);
        await page.GotoAsync("/van-ban", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (width == PhoneWidth)
            await page.Locator("summary.search-filters__toggle").ClickAsync();
        await page.GetByLabel("Năm ban hành").SelectOptionAsync("2022");
        await page.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Kế hoạch" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc văn bản" }).ClickAsync();
        await page.WaitForURLAsync("**/van-ban?nam=2022&loai=ke-hoach**");
        var rows = page.Locator(".register-table tbody tr");
        Assert.True(await rows.CountAsync() > 0, "The seed has plans issued in 2022.");
        foreach (var row in await rows.AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            Assert.EndsWith("/2022", cells[1].Trim());
            Assert.Equal("Kế hoạch", cells[2].Trim());
        }
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "/van-ban filtered");
        await page.ScreenshotAsync(new() { Path = Artefact($"register-{width}.png"), FullPage = true });
    }

    [Fact]
    public async Task Invalid_fields_look_invalid_the_title_says_so_and_the_summary_follows_the_form()
    {
        var page = await site.NewPageAsync(PhoneWidth, PhoneHeight);
        var path = $"/{SiteFixture.UnitSlug}/phan-anh-kien-nghi";
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.StartsWith("Lỗi: ", await page.TitleAsync());

        var colours = await page.EvaluateAsync<string[]>("""
            () => {
              const fields = [...document.querySelectorAll('.submission-form input[type=text], .submission-form input:not([type]), .submission-form input[type=email], .submission-form input[type=tel]')]
                .filter(e => e.offsetParent !== null);
              const invalid = fields.find(e => e.getAttribute('aria-invalid') === 'true');
              const valid = fields.find(e => e.getAttribute('aria-invalid') !== 'true');
              return [getComputedStyle(invalid).borderTopColor, getComputedStyle(valid).borderTopColor,
                      getComputedStyle(invalid).borderTopWidth, getComputedStyle(valid).borderTopWidth];
            }
            """);
        Assert.NotEqual(colours[1], colours[0]);

        // The summary's links go down the page in the order of their fields.
        var order = await page.EvaluateAsync<bool>("""
            () => {
              const targets = [...document.querySelectorAll('.error-summary a')].map(a => document.querySelector(a.getAttribute('href')));
              return targets.every((t, i) => i === 0 || (targets[i - 1].compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING));
            }
            """);
        Assert.True(order, "The error summary lists the fields out of their order on the page.");
        // Choices are 44 px touch targets; the file picker speaks Vietnamese.
        var radio = await page.Locator(".choices label").First.BoundingBoxAsync();
        Assert.True(radio!.Height >= 44, $"A choice is {radio.Height}px high.");
        await Expect(page.Locator(".file-picker__face")).ToContainTextAsync("Chọn tệp");
        await page.ScreenshotAsync(new() { Path = Artefact("form-errors-390.png"), FullPage = true });
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, path + " with errors");
    }

    [Fact]
    public async Task The_receipt_survives_a_reload_without_a_second_submission()
    {
        const string title = "Thời gian trả kết quả hồ sơ chuyển trường là bao lâu?";
        var page = await site.NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync($"/{SiteFixture.UnitSlug}/gui-cau-hoi");
        await page.GetByLabel("Họ và tên (*)").FillAsync("Nguyễn Thị Lan");
        await page.GetByLabel("Thư điện tử").FillAsync("lan@example.vn");
        await page.GetByLabel("Lĩnh vực (*)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Tiêu đề (*)").FillAsync(title);
        await page.GetByLabel("Nội dung (*)").FillAsync("Tôi nộp hồ sơ chuyển trường cho con, xin hỏi bao lâu có kết quả?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Đã tiếp nhận câu hỏi");
        var code = (await page.Locator("#ma-tra-cuu").TextContentAsync())!.Trim();
        Assert.DoesNotContain(code, page.Url);
        Assert.DoesNotContain("lan@example.vn", await page.ContentAsync());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sao chép mã tra cứu" })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Đã tiếp nhận câu hỏi");
        Assert.Equal(code, (await page.Locator("#ma-tra-cuu").TextContentAsync())!.Trim());
        Assert.Equal(1, await site.WithDbAsync(db => db.Submissions.CountAsync(s => s.Title == title)));
        await page.ScreenshotAsync(new() { Path = Artefact("receipt-390.png"), FullPage = true });
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the receipt");
    }

    private static string Name(string path) =>
        path == "/" ? "home" : string.Concat(path.Split('?')[0].Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    /// <summary>A file in the test output's artefacts/ folder (kept by CI with the test results).</summary>
    internal static string Artefact(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "artefacts");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
