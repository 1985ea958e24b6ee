using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Databases;

/// <summary>
/// Every list an officer filters by typed text finds it whatever its case, Vietnamese capitals included, on both
/// providers: SQLite's LIKE folds ASCII only and PostgreSQL's nothing, so neither may decide it.
/// </summary>
public sealed class TypedTextFilterTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    private static string Query(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task The_editors_post_list_finds_a_title_typed_in_another_case()
    {
        const string title = "ĐỀ ÁN Số Hoá Ứng Dụng Ở Phường Thử Nghiệm";
        await site.WithDbAsync(async db =>
        {
            var post = await db.Posts.OrderBy(p => p.Id).FirstAsync(p => p.Status == PostStatus.Published);
            post.Title = title;
            return await db.SaveChangesAsync();
        });
        var admin = await site.SignedInAsync(QuestionSite.AdminEmail);

        Assert.Contains(title, await admin.GetStringAsync($"/quan-tri?q={Query("đề án số hoá ứng dụng ở phường")}"));
        Assert.Contains(title, await admin.GetStringAsync($"/quan-tri?q={Query("  ĐỀ ÁN SỐ HOÁ ỨNG DỤNG  ")}"));
        Assert.DoesNotContain(title, await admin.GetStringAsync($"/quan-tri?q={Query("đề án số hoá ở xã")}"));
    }

    [Fact]
    public async Task The_inbox_finds_a_question_by_its_title_in_another_case_or_by_its_tracking_code()
    {
        const string title = "Đăng Ký Ý Kiến Về Ứng Dụng Điện Tử Của Trường";
        var code = await site.AskAsync(title);
        await site.AddUserAsync("loc-hop-thu@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        var officer = await site.SignedInAsync("loc-hop-thu@cchc.test");

        Assert.Contains(title, await officer.GetStringAsync($"{SubmissionInboxPath}?q={Query("đăng ký ý kiến về ứng dụng điện tử")}"));
        Assert.Contains(title, await officer.GetStringAsync($"{SubmissionInboxPath}?q={Query("ĐĂNG KÝ Ý KIẾN")}"));
        Assert.Contains(title, await officer.GetStringAsync($"{SubmissionInboxPath}?q={Query(code.ToLowerInvariant())}"));
        Assert.DoesNotContain(title, await officer.GetStringAsync($"{SubmissionInboxPath}?q={Query("đăng ký ý kiến về bệnh viện")}"));
    }

    [Fact]
    public async Task The_audit_log_finds_an_account_typed_in_another_case()
    {
        await site.AddUserAsync("Loc-Nhat-Ky@cchc.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Editor));
        await site.SignedInAsync("Loc-Nhat-Ky@cchc.test");
        var admin = await site.SignedInAsync(QuestionSite.AdminEmail);

        Assert.Contains("Loc-Nhat-Ky@cchc.test", await admin.GetStringAsync("/quan-tri/nhat-ky?nguoi=LOC-NHAT-KY"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Loc-Nhat-Ky@cchc.test", await admin.GetStringAsync("/quan-tri/nhat-ky?nguoi=loc-nhat-ky@cchc"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Loc-Nhat-Ky@cchc.test", await admin.GetStringAsync("/quan-tri/nhat-ky?nguoi=loc-nhat-ky-khac"), StringComparison.OrdinalIgnoreCase);
    }

    private const string SubmissionInboxPath = "/quan-tri/hoi-dap";
}
