using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Questions;

/// <summary>The officers' side over HTTP: who sees what, each step, and the answer reaching the Q&amp;A column and search.</summary>
public sealed class OfficerInboxTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && PathOf(response) == "/quan-tri/khong-co-quyen";

    private static string PathOf(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    [Fact]
    public async Task An_officer_of_another_unit_neither_sees_nor_handles_the_item_nor_its_contact_details()
    {
        await site.AddUserAsync("tiep-nhan-a@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("tiep-nhan-b@cchc.test", (QuestionSite.OtherUnit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("bien-tap-a@cchc.test", (QuestionSite.Unit, UnitRole.Editor));
        var code = await site.AskAsync("Câu hỏi riêng của đơn vị A");
        var id = await site.IdOfAsync(code);

        var own = await site.SignedInAsync("tiep-nhan-a@cchc.test");
        var inbox = await own.GetStringAsync("/quan-tri/hoi-dap");
        Assert.Contains("Câu hỏi riêng của đơn vị A", inbox);
        var detail = await own.GetStringAsync($"/quan-tri/hoi-dap/{id}");
        Assert.Contains("binh@example.vn", detail);
        Assert.Contains("0299 3862 555", detail);

        var other = await site.SignedInAsync("tiep-nhan-b@cchc.test");
        Assert.DoesNotContain("Câu hỏi riêng của đơn vị A", await other.GetStringAsync("/quan-tri/hoi-dap"));
        Assert.True(IsRefused(await other.GetAsync($"/quan-tri/hoi-dap/{id}")));
        Assert.True(IsRefused(await other.GetAsync($"/quan-tri/hoi-dap?don-vi={QuestionSite.Unit}")));
        var token = EditorSiteToken(await other.GetStringAsync("/quan-tri/hoi-dap"));
        var answer = await other.PostAsync($"/quan-tri/hoi-dap/{id}/tra-loi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["answer"] = "Trả lời thay", ["version"] = Guid.Empty.ToString(),
        }));
        Assert.True(IsRefused(answer));

        // An editor of the same unit writes posts; citizens' contact details are not theirs to see.
        var editor = await site.SignedInAsync("bien-tap-a@cchc.test");
        Assert.True(IsRefused(await editor.GetAsync($"/quan-tri/hoi-dap/{id}")));
        Assert.Null(await site.WithDbAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.AnswerMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task An_officer_answers_only_an_approver_publishes_and_the_citizen_reads_the_answer_in_the_column_and_search()
    {
        await site.AddUserAsync("tiep-nhan-c@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("lanh-dao-c@cchc.test", (QuestionSite.Unit, UnitRole.Approver));
        var code = await site.AskAsync("Thời gian chuyển trường giữa năm học xuyên suốt");
        var id = await site.IdOfAsync(code);
        var officer = await site.SignedInAsync("tiep-nhan-c@cchc.test");
        var officerId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "tiep-nhan-c@cchc.test").Select(u => u.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(officer, id, "phan-cong", new Dictionary<string, string> { ["userId"] = officerId })).StatusCode);
        Assert.Contains($"Cán bộ tiep-nhan-c@cchc.test", await officer.GetStringAsync("/quan-tri/hoi-dap?xem=Assigned"));
        await QuestionSite.StepAsync(officer, id, "tra-loi", new Dictionary<string, string>
        {
            ["answer"] = "Học sinh được **chuyển trường** trong năm học theo quy định; hồ sơ nộp tại trường nơi đến.",
        });
        Assert.True(IsRefused(await QuestionSite.StepAsync(officer, id, "cong-khai")));

        var approver = await site.SignedInAsync("lanh-dao-c@cchc.test");
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(approver, id, "cong-khai")).StatusCode);

        var detail = await approver.GetStringAsync($"/quan-tri/hoi-dap/{id}");
        foreach (var step in new[] { "Tiếp nhận", "Phân công", "Trả lời", "Công khai" })
            Assert.Contains($"<td>{step}</td>", detail);
        var audit = await site.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SubmissionStep && a.ItemId == id.ToString())
            .Select(a => a.UserName).ToListAsync());
        Assert.Equal(["tiep-nhan-c@cchc.test", "tiep-nhan-c@cchc.test", "lanh-dao-c@cchc.test"], audit);

        var citizen = site.NewBrowser();
        var tracking = await citizen.GetStringAsync($"/tra-cuu?ma={code}");
        Assert.Contains("<strong>chuyển trường</strong>", tracking);
        Assert.Contains("Đã trả lời và công khai", tracking);
        var column = await citizen.GetStringAsync($"/{QuestionSite.Unit}/hoi-dap");
        Assert.Contains("Thời gian chuyển trường giữa năm học xuyên suốt", column);
        Assert.DoesNotContain("Trần Thị Bình", column);
        Assert.Contains("Thời gian chuyển trường giữa năm học xuyên suốt", await citizen.GetStringAsync("/hoi-dap"));

        // The index follows the outbox within a second or so; the column's search then finds the question, without diacritics too.
        var found = false;
        for (var attempt = 0; attempt < 50 && !found; attempt++)
        {
            found = (await citizen.GetStringAsync("/hoi-dap?q=xuyen+suot")).Contains("Thời gian chuyển trường giữa năm học xuyên suốt");
            if (!found)
                await Task.Delay(200);
        }
        Assert.True(found, "the published question was not found by the column's search");
        Assert.DoesNotContain("Thời gian chuyển trường giữa năm học", await citizen.GetStringAsync("/tim-kiem?q=xuyen+suot"));

        // Taken down, it leaves the cached column at once; the citizen still reads the answer by the code.
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(approver, id, "go-cong-khai",
            new Dictionary<string, string> { ["reason"] = "Quy định đã thay đổi" })).StatusCode);
        Assert.DoesNotContain("Thời gian chuyển trường giữa năm học xuyên suốt", await citizen.GetStringAsync($"/{QuestionSite.Unit}/hoi-dap"));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/hoi-dap/{id}")).StatusCode);
        Assert.Contains("<strong>chuyển trường</strong>", await citizen.GetStringAsync($"/tra-cuu?ma={code}"));
    }

    [Fact]
    public async Task Forwarding_hands_the_item_to_the_other_unit_with_the_reason_in_its_history()
    {
        await site.AddUserAsync("tiep-nhan-d@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("tiep-nhan-e@cchc.test", (QuestionSite.OtherUnit, UnitRole.HotlineOfficer));
        var id = await site.IdOfAsync(await site.AskAsync("Hỏi về trợ cấp người có công"));
        var from = await site.SignedInAsync("tiep-nhan-d@cchc.test");
        var toUnitId = await site.WithDbAsync(db => db.Units.Where(u => u.Slug == QuestionSite.OtherUnit).Select(u => u.Id).SingleAsync());

        var forwarded = await QuestionSite.StepAsync(from, id, "chuyen", new Dictionary<string, string>
        {
            ["toUnitId"] = toUnitId.ToString(), ["reason"] = "Thuộc thẩm quyền của Sở LĐ-TB&XH",
        });
        Assert.Equal("/quan-tri/hoi-dap", PathOf(forwarded));
        Assert.True(IsRefused(await from.GetAsync($"/quan-tri/hoi-dap/{id}")));
        var to = await site.SignedInAsync("tiep-nhan-e@cchc.test");
        var detail = await to.GetStringAsync($"/quan-tri/hoi-dap/{id}");
        Assert.Contains("Chuyển đơn vị", detail);
        Assert.Contains("Thuộc thẩm quyền của Sở LĐ-TB&amp;XH", detail);
    }

    [Fact]
    public async Task Xss_payloads_in_every_field_are_stored_as_typed_and_encoded_on_every_page()
    {
        const string payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        await site.AddUserAsync("lanh-dao-x@cchc.test", (QuestionSite.Unit, UnitRole.Approver));
        await site.AddUserAsync("lanh-dao-y@cchc.test", (QuestionSite.Unit, UnitRole.Approver));
        var fields = QuestionSite.Question(payload);
        fields["Name"] = payload;
        fields["Text"] = payload;
        var code = await SubmitAsync(fields);
        var feedbackFields = new Dictionary<string, string>(fields) { ["Location"] = payload, ["FeedbackType"] = "Proposal" };
        var feedbackCode = await SubmitAsync(feedbackFields, "phan-anh-kien-nghi");
        var stored = await site.WithDbAsync(db => db.Submissions.SingleAsync(s => s.TrackingCode == feedbackCode));
        Assert.Equal((payload, payload, payload, payload), (stored.Name, stored.Title, stored.Text, stored.Location));

        // Refused input is echoed back into the form, encoded: in a bad e-mail, a bad phone and the category too.
        var refused = new Dictionary<string, string>(fields) { ["Email"] = payload, ["Phone"] = payload, ["Category"] = payload };
        AssertEncoded(await (await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", refused)).Content.ReadAsStringAsync());

        var id = await site.IdOfAsync(code);
        var approver = await site.SignedInAsync("lanh-dao-x@cchc.test");
        AssertEncoded(await approver.GetStringAsync($"/quan-tri/hoi-dap/{id}"));
        AssertEncoded(await approver.GetStringAsync($"/quan-tri/hoi-dap/{await site.IdOfAsync(feedbackCode)}"));
        AssertEncoded(await approver.GetStringAsync("/quan-tri/hoi-dap"));
        await QuestionSite.StepAsync(approver, id, "tra-loi", new Dictionary<string, string> { ["answer"] = payload });
        // Two-person rule: another approver releases the answer.
        await QuestionSite.StepAsync(await site.SignedInAsync("lanh-dao-y@cchc.test"), id, "cong-khai");

        var citizen = site.NewBrowser();
        AssertEncoded(await citizen.GetStringAsync($"/tra-cuu?ma={code}"));
        AssertEncoded(await citizen.GetStringAsync($"/{QuestionSite.Unit}/hoi-dap"));
        AssertEncoded(await citizen.GetStringAsync($"/hoi-dap/{id}"));
        var json = await site.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{code}");
        Assert.Equal(payload, json.GetProperty("title").GetString());
        Assert.DoesNotContain("<script", json.GetProperty("answerHtml").GetString());
    }

    private async Task<string> SubmitAsync(Dictionary<string, string> fields, string form = "gui-cau-hoi")
    {
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/{form}", fields);
        var html = await response.Content.ReadAsStringAsync();
        AssertEncoded(html);
        return QuestionSite.CodeOf(html);
    }

    private static void AssertEncoded(string html)
    {
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    private static string EditorSiteToken(string html) => Editor.EditorSite.AntiforgeryToken(html);
}
