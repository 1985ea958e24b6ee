using CchcSite.Content.Accounts;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>The editors' main flow, as two people do it in two browsers: write and submit, then review and publish.</summary>
[Collection(SiteCollection.Name)]
public sealed class EditorFlowTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.UbndPhuongThacMo;

    [Fact]
    public async Task An_editor_writes_and_submits_and_an_approver_publishes_to_the_units_page()
    {
        await site.AddUserAsync("bien-tap@thacmo.test", (Unit, UnitRole.Editor));
        await site.AddUserAsync("lanh-dao@thacmo.test", (Unit, UnitRole.Approver));
        const string title = "Phường Thác Mơ tập huấn kỹ năng dịch vụ công trực tuyến cho tổ công nghệ số";

        var writer = await site.SignInAsync("bien-tap@thacmo.test");
        // The image goes into the unit's library first; its metadata is stripped and variants made on upload.
        await writer.GotoAsync($"/quan-tri/thu-vien?don-vi={Unit}");
        await writer.GetByLabel("Tệp (bắt buộc)").SetInputFilesAsync(SeedImage());
        await writer.GetByLabel("Mô tả ảnh", new() { Exact = false }).FillAsync("Cán bộ phường hướng dẫn người dân nộp hồ sơ trực tuyến");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(writer.GetByText("Cán bộ phường hướng dẫn người dân nộp hồ sơ trực tuyến").First).ToBeVisibleAsync();

        await writer.GotoAsync("/quan-tri");
        await writer.GetByRole(AriaRole.Link, new() { Name = "+ Tin, bài" }).ClickAsync();
        await writer.GetByLabel("Tiêu đề (bắt buộc)").FillAsync(title);
        await writer.GetByLabel("Ảnh đại diện (từ thư viện của đơn vị)").SelectOptionAsync(new SelectOptionValue { Label = "Cán bộ phường hướng dẫn người dân nộp hồ sơ trực tuyến (dich-vu-cong-truc-tuyen.jpg)" });
        await writer.GetByLabel("Nội dung (Markdown)").FillAsync("Buổi tập huấn hướng dẫn **nộp hồ sơ trực tuyến** cho người dân.");
        // The side-by-side preview is rendered by the public pipeline while typing.
        await Assertions.Expect(writer.Locator("#xem-truoc-noi-dung strong")).ToHaveTextAsync("nộp hồ sơ trực tuyến");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(writer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(writer.Locator(".meta")).ToContainTextAsync("Chờ duyệt");
        // The writer cannot publish: the button is not offered.
        await Assertions.Expect(writer.GetByRole(AriaRole.Button, new() { Name = "Duyệt và đăng" })).ToHaveCountAsync(0);
        var editUrl = writer.Url;

        var approver = await site.SignInAsync("lanh-dao@thacmo.test");
        await approver.GotoAsync(editUrl);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt và đăng" }).ClickAsync();
        await Assertions.Expect(approver.Locator(".meta")).ToContainTextAsync("Đã đăng");

        var citizen = await site.NewPageAsync();
        await citizen.GotoAsync($"/{Unit}/tin-tuc");
        await citizen.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(citizen.Locator(".post__body strong")).ToHaveTextAsync("nộp hồ sơ trực tuyến");
        var cover = citizen.GetByAltText("Cán bộ phường hướng dẫn người dân nộp hồ sơ trực tuyến");
        await Assertions.Expect(cover).ToBeVisibleAsync();
        Assert.True(await cover.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the cover image loads");
    }

    /// <summary>A real photo-sized JPEG from the repository's seed, as an editor would pick from their disk.</summary>
    internal static string SeedImage()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CchcSite.sln")))
                return Path.Combine(dir.FullName, "seed", "files", "images", "dich-vu-cong-truc-tuyen.jpg");
        throw new DirectoryNotFoundException("The repository root (CchcSite.sln) was not found above the test output.");
    }
}
