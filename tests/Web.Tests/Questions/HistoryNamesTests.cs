using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Questions;

/// <summary>The history of an item names the officers who took its steps by name, never by their sign-in e-mail address.</summary>
public sealed class HistoryNamesTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    [Fact]
    public async Task The_history_shows_the_officers_name_or_their_accounts_name_part_never_an_email()
    {
        await site.AddUserAsync("lan.nguyen@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("minh.tran@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "lan.nguyen@cchc.test")).FullName = "Nguyễn Thị Lan";
            // An account created without a full name is named by its account's name part.
            (await db.Users.SingleAsync(u => u.Email == "minh.tran@cchc.test")).FullName = " ";
            return await db.SaveChangesAsync();
        });
        var id = await site.IdOfAsync(await site.AskAsync("Hồ sơ đăng ký hộ kinh doanh nộp ở đâu"));
        var lan = await site.SignedInAsync("lan.nguyen@cchc.test");
        var minh = await site.SignedInAsync("minh.tran@cchc.test");
        var minhId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "minh.tran@cchc.test").Select(u => u.Id).SingleAsync());

        await QuestionSite.StepAsync(lan, id, "phan-cong", new Dictionary<string, string> { ["userId"] = minhId });
        await QuestionSite.StepAsync(minh, id, "tra-loi", new Dictionary<string, string> { ["answer"] = "Nộp tại bộ phận một cửa của phường." });

        var page = await lan.GetStringAsync($"/quan-tri/hoi-dap/{id}");
        var history = Regex.Match(page, "<h2>Quá trình xử lý</h2>(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches("<td>Phân công</td>\\s*<td>Nguyễn Thị Lan</td>\\s*<td>minh.tran</td>", history);
        Assert.Matches("<td>Trả lời</td>\\s*<td>minh.tran</td>", history);
        Assert.Matches("<td>Tiếp nhận</td>\\s*<td>Người dân</td>", history);
        Assert.DoesNotContain("@cchc.test", history);
    }
}
