using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A citizen asks on a phone, an officer answers, an approver publishes, and the citizen reads the answer by the
/// tracking code and in the unit's Q&amp;A column; each screen is checked with axe on the way.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class QuestionFlowTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.SoTaiChinhSocTrang;

    [Fact]
    public async Task A_citizen_asks_an_officer_answers_an_approver_publishes_and_the_citizen_reads_the_answer()
    {
        await site.AddUserAsync("tiep-nhan@stc.test", (Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("lanh-dao@stc.test", (Unit, UnitRole.Approver));
        const string title = "Hồ sơ đề nghị cấp mã số đơn vị có quan hệ với ngân sách gồm những gì?";

        var citizen = await site.NewPageAsync(width: 360, height: 740);
        await citizen.GotoAsync($"/{Unit}");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        // Sent empty, the form lists what is missing at the top and links each message to its field.
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vui lòng nhập họ và tên.");
        await Assertions.Expect(citizen.GetByLabel("Họ và tên (*)")).ToHaveAttributeAsync("aria-invalid", "true");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(citizen, "the question form with errors");

        await citizen.GetByLabel("Họ và tên (*)").FillAsync("Phạm Minh Châu");
        await citizen.GetByLabel("Thư điện tử").FillAsync("chau@example.vn");
        await citizen.GetByLabel("Lĩnh vực (*)").SelectOptionAsync(new SelectOptionValue { Label = "Cải cách tài chính công" });
        await citizen.GetByLabel("Tiêu đề (*)").FillAsync(title);
        await citizen.GetByLabel("Nội dung (*)").FillAsync("Đơn vị tôi mới thành lập, cần đăng ký mã số để giao dịch với Kho bạc.");
        await citizen.GetByLabel("Tôi đồng ý để câu hỏi và câu trả lời được đăng công khai", new() { Exact = false }).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Đã tiếp nhận câu hỏi");
        var code = (await citizen.Locator("#ma-tra-cuu").TextContentAsync())!.Trim();
        Assert.Matches(CodePattern(), code);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(citizen, "the receipt");

        var officer = await site.SignInAsync("tiep-nhan@stc.test");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Hỏi – đáp, phản ánh, kiến nghị" }).ClickAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, "the inbox");
        await officer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(officer.GetByText("chau@example.vn")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(officer, "an item of the inbox");
        await officer.GetByLabel("Nội dung trả lời", new() { Exact = false })
            .FillAsync("Hồ sơ gồm **tờ khai đăng ký mã số** và quyết định thành lập đơn vị; nộp tại Sở Tài chính hoặc qua dịch vụ công trực tuyến.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu trả lời" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã có trả lời, chờ duyệt");
        // Publishing is the approver's: the officer is not offered the button.
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Duyệt và công khai trên Hỏi – đáp" })).ToHaveCountAsync(0);
        var itemUrl = officer.Url;

        var approver = await site.SignInAsync("lanh-dao@stc.test");
        await approver.GotoAsync(itemUrl);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt và công khai trên Hỏi – đáp" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã trả lời và công khai");

        await citizen.GotoAsync("/tra-cuu");
        await citizen.GetByLabel("Mã tra cứu").FillAsync(code.ToLowerInvariant());
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".tracking")).ToContainTextAsync("Đã trả lời và công khai");
        await Assertions.Expect(citizen.Locator(".answer strong")).ToHaveTextAsync("tờ khai đăng ký mã số");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(citizen, "the tracking page with an answer");

        await citizen.GotoAsync($"/{Unit}");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Hỏi – đáp", Exact = true }).First.ClickAsync();
        var question = citizen.Locator(".qa").Filter(new() { HasText = title });
        await Assertions.Expect(question).ToContainTextAsync("Sở Tài chính tỉnh Sóc Trăng trả lời");
        await Assertions.Expect(question).Not.ToContainTextAsync("Phạm Minh Châu");
    }

    [GeneratedRegex("^[A-HJKMNP-Z2-9]{10}$")]
    private static partial Regex CodePattern();
}
