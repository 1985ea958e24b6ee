using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Questions;
using CchcSite.Web.Tests.Editor;
using CchcSite.Web.Tests.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Finding 13 (answers): the two-person rule holds for answers as for posts. Whoever wrote or last edited an answer
/// cannot release it — publish it in the Q&amp;A column or send it to the citizen — unless the unit allows
/// self-publishing or they are an administrator.
/// </summary>
public sealed class AnswerReviewTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    private const string Answer = "Hồ sơ chuyển trường nộp tại trường nơi đến trong 5 ngày làm việc.";

    [Fact]
    public async Task An_approver_who_answered_cannot_publish_or_send_their_own_answer_and_another_approver_can()
    {
        await site.AddUserAsync("lanh-dao-viet@cchc.test", (QuestionSite.Unit, UnitRole.Approver));
        await site.AddUserAsync("lanh-dao-duyet@cchc.test", (QuestionSite.Unit, UnitRole.Approver));
        var code = await site.AskAsync("Hỏi về hồ sơ chuyển trường tự duyệt");
        var id = await site.IdOfAsync(code);
        var writer = await site.SignedInAsync("lanh-dao-viet@cchc.test");
        await QuestionSite.StepAsync(writer, id, "tra-loi", new Dictionary<string, string> { ["answer"] = Answer });

        foreach (var release in new[] { "cong-khai", "gui-tra-loi" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(writer, id, release)).StatusCode);
            Assert.Contains("duyệt hai người", await writer.GetStringAsync($"/quan-tri/hoi-dap/{id}"));
        }
        await AssertUnreleasedAsync(id, code);

        var reviewer = await site.SignedInAsync("lanh-dao-duyet@cchc.test");
        Assert.Contains("Duyệt và công khai trên Hỏi – đáp", await reviewer.GetStringAsync($"/quan-tri/hoi-dap/{id}"));
        await QuestionSite.StepAsync(reviewer, id, "cong-khai");
        Assert.Equal(SubmissionStatus.Published, await StatusAsync(id));
        Assert.Contains(Answer, await site.NewBrowser().GetStringAsync($"/tra-cuu?ma={code}"));
    }

    [Fact]
    public async Task An_approver_who_last_edited_an_officers_answer_cannot_release_it()
    {
        await site.AddUserAsync("tiep-nhan-sua@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("lanh-dao-sua@cchc.test", (QuestionSite.Unit, UnitRole.Approver));
        var code = await site.AskAsync("Hỏi về hồ sơ chuyển trường sửa lần cuối");
        var id = await site.IdOfAsync(code);
        await QuestionSite.StepAsync(await site.SignedInAsync("tiep-nhan-sua@cchc.test"), id, "tra-loi",
            new Dictionary<string, string> { ["answer"] = "Bản nháp trả lời." });
        var approver = await site.SignedInAsync("lanh-dao-sua@cchc.test");
        await QuestionSite.StepAsync(approver, id, "tra-loi", new Dictionary<string, string> { ["answer"] = Answer });

        await QuestionSite.StepAsync(approver, id, "gui-tra-loi");

        await AssertUnreleasedAsync(id, code);
    }

    [Fact]
    public async Task Where_the_unit_allows_self_publishing_or_for_an_administrator_the_writer_may_release()
    {
        await site.AddUserAsync("lanh-dao-tu-duyet@cchc.test", (QuestionSite.OtherUnit, UnitRole.Approver));
        await site.WithDbAsync(db => db.Units.Where(u => u.Slug == QuestionSite.OtherUnit)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AllowSelfPublishing, true)));
        var own = await site.IdOfAsync(await site.AskAsync("Hỏi về trợ cấp, đơn vị tự duyệt", QuestionSite.OtherUnit));
        var approver = await site.SignedInAsync("lanh-dao-tu-duyet@cchc.test");
        await QuestionSite.StepAsync(approver, own, "tra-loi", new Dictionary<string, string> { ["answer"] = Answer });
        await QuestionSite.StepAsync(approver, own, "gui-tra-loi");
        Assert.Equal(SubmissionStatus.Closed, await StatusAsync(own));

        var byAdmin = await site.IdOfAsync(await site.AskAsync("Hỏi về hồ sơ, quản trị trả lời"));
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        await QuestionSite.StepAsync(admin, byAdmin, "tra-loi", new Dictionary<string, string> { ["answer"] = Answer });
        await QuestionSite.StepAsync(admin, byAdmin, "cong-khai");
        Assert.Equal(SubmissionStatus.Published, await StatusAsync(byAdmin));
    }

    /// <summary>Nothing was released: still awaiting approval, no release in the history, nothing for the citizen or the column.</summary>
    private async Task AssertUnreleasedAsync(int id, string code)
    {
        var stored = await site.WithDbAsync(db => db.Submissions.AsNoTracking().Include(s => s.History).SingleAsync(s => s.Id == id));
        Assert.Equal(SubmissionStatus.Answered, stored.Status);
        Assert.Null(stored.AnsweredAt);
        Assert.DoesNotContain(stored.History, h => h.Step is SubmissionStep.Published or SubmissionStep.Closed);
        var citizen = site.NewBrowser();
        Assert.DoesNotContain(Answer, await citizen.GetStringAsync($"/tra-cuu?ma={code}"));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/hoi-dap/{id}")).StatusCode);
    }

    private Task<SubmissionStatus> StatusAsync(int id) =>
        site.WithDbAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync());
}
