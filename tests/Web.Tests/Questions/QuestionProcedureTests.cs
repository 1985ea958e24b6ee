using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Questions;

/// <summary>A question naming the procedure it is about: the form's lookup, the procedure's page, the API and the officers' correction.</summary>
public sealed class QuestionProcedureTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    private const string Transfer = "1.004492";
    private const string TransferName = "Chuyển trường đối với học sinh trung học cơ sở";
    private const string Birth = "1.001193";

    private Task<string?> ProcedureOfAsync(string title) =>
        site.WithDbAsync(db => db.Submissions.Where(s => s.Title == title).Select(s => (string?)s.Procedure!.Code).SingleAsync());

    private static Dictionary<string, string> Asking(string title, string? procedure = null, string field = "Procedure")
    {
        var fields = QuestionSite.Question(title);
        if (procedure is not null)
            fields[field] = procedure;
        return fields;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_form_stores_the_procedure_by_code_by_name_without_tones_or_none()
    {
        var byCode = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", Asking("Hỏi theo mã thủ tục", Transfer));
        Assert.True(byCode.IsSuccessStatusCode, await byCode.Content.ReadAsStringAsync());
        Assert.Equal(Transfer, await ProcedureOfAsync("Hỏi theo mã thủ tục"));

        // Words of the name without tones: the name that is exactly them wins over the longer names that contain them.
        await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", Asking("Hỏi theo tên không dấu", "dang ky khai sinh"));
        Assert.Equal(Birth, await ProcedureOfAsync("Hỏi theo tên không dấu"));

        await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", Asking("Hỏi không nêu thủ tục"));
        Assert.Null(await ProcedureOfAsync("Hỏi không nêu thủ tục"));

        // The feedback form has no such box: a value posted there is not stored.
        var feedback = QuestionSite.Question("Phản ánh có gửi kèm mã thủ tục");
        feedback["Location"] = "Bộ phận một cửa";
        feedback["FeedbackType"] = "Report";
        feedback["Procedure"] = Transfer;
        var sent = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/phan-anh-kien-nghi", feedback);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        Assert.Null(await ProcedureOfAsync("Phản ánh có gửi kèm mã thủ tục"));
    }

    [Fact]
    public async Task An_unknown_code_or_words_fitting_several_come_back_in_Vietnamese_with_nothing_lost_and_nothing_stored()
    {
        var unknown = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", Asking("Mã thủ tục gõ sai", "9.999999"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var html = await HtmlAsync(unknown);
        Assert.Contains("Không có thủ tục mã 9.999999.", html);
        Assert.Contains("value=\"Mã thủ tục gõ sai\"", html);
        Assert.Contains("value=\"9.999999\"", html);
        Assert.Contains("Xin hỏi thủ tục chuyển trường cho học sinh trung học cơ sở cần những giấy tờ gì?</textarea>", html);
        Assert.Contains("value=\"binh@example.vn\"", html);
        Assert.False(await site.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Title == "Mã thủ tục gõ sai")));

        // "khai sinh" is in several names: they are offered to choose from, and the chosen one is stored.
        var browser = site.NewBrowser();
        var several = await QuestionSite.PostFormAsync(browser, $"/{QuestionSite.Unit}/gui-cau-hoi", Asking("Hỏi về khai sinh", "khai sinh"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, several.StatusCode);
        html = await HtmlAsync(several);
        Assert.Contains("Có nhiều thủ tục có tên chứa \"khai sinh\"", html);
        Assert.Contains($"name=\"ProcedureCode\" value=\"{Birth}\"", html);
        Assert.Contains("Đăng ký lại khai sinh", html);
        Assert.False(await site.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Title == "Hỏi về khai sinh")));
        var chosen = Asking("Hỏi về khai sinh", "khai sinh");
        chosen["ProcedureCode"] = Birth;
        var stored = await QuestionSite.PostFormAsync(browser, $"/{QuestionSite.Unit}/gui-cau-hoi", chosen);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        Assert.Equal(Birth, await ProcedureOfAsync("Hỏi về khai sinh"));

        var none = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", Asking("Tên không có", "thu tuc khong he ton tai"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("Không tìm thấy thủ tục nào có tên chứa \"thu tuc khong he ton tai\"", await HtmlAsync(none));
    }

    [Fact]
    public async Task The_procedure_page_links_to_the_prefilled_form_and_lists_only_published_answers_naming_it()
    {
        var citizen = site.NewBrowser();
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/thu-tuc-hanh-chinh/{Transfer}"));
        var ask = $"/{QuestionSite.Unit}/gui-cau-hoi?thu-tuc={Transfer}";
        Assert.Contains($"href=\"{ask}\"", page);
        Assert.Contains("Gửi câu hỏi về thủ tục này", page);
        Assert.Contains($"value=\"{Transfer} – {TransferName}\"", WebUtility.HtmlDecode(await citizen.GetStringAsync(ask)));

        // Sent from the pre-filled form as it stands (the box holds "code – name"), the question names the procedure.
        var published = await AskedAsync("Chuyển trường giữa học kỳ có được không", $"{Transfer} – {TransferName}");
        var answeredOnly = await AskedAsync("Chuyển trường chưa công khai", Transfer);
        var otherProcedure = await AskedAsync("Khai sinh cho con đã công khai", Birth);
        await site.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            foreach (var s in await db.Submissions.Where(s => s.Id == published || s.Id == answeredOnly || s.Id == otherProcedure).ToListAsync())
            {
                s.AnswerMarkdown = "Được, hồ sơ nộp tại trường nơi đến.";
                s.AnsweredAt = now;
                s.AnsweredByUnitId = s.UnitId;
                s.Status = s.Id == answeredOnly ? SubmissionStatus.Answered : SubmissionStatus.Published;
            }
            return await db.SaveChangesAsync();
        });

        page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/thu-tuc-hanh-chinh/{Transfer}"));
        Assert.Contains("Hỏi – đáp về thủ tục này", page);
        Assert.Contains("Chuyển trường giữa học kỳ có được không", page);
        Assert.DoesNotContain("Chuyển trường chưa công khai", page);
        Assert.DoesNotContain("Khai sinh cho con đã công khai", page);

        var column = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/hoi-dap?thu-tuc={Transfer}"));
        Assert.Contains("Chuyển trường giữa học kỳ có được không", column);
        Assert.DoesNotContain("Khai sinh cho con đã công khai", column);
        Assert.Contains($"{Transfer} – {TransferName}", column);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/hoi-dap?thu-tuc=9.999999")).StatusCode);

        var api = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/questions?procedure={Transfer}");
        var item = Assert.Single(api.GetProperty("items").EnumerateArray());
        Assert.Equal("Chuyển trường giữa học kỳ có được không", item.GetProperty("title").GetString());
        Assert.Equal(Transfer, item.GetProperty("procedure").GetProperty("code").GetString());
        Assert.Equal($"/thu-tuc-hanh-chinh/{Transfer}", item.GetProperty("procedure").GetProperty("url").GetString());
        var bad = await citizen.GetAsync("/api/v1/questions?procedure=khai-sinh");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var procedure = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{Transfer}");
        Assert.Equal($"/hoi-dap?thu-tuc={Transfer}", procedure.GetProperty("questionsUrl").GetString());
        Assert.Equal(ask, procedure.GetProperty("askUrl").GetString());
    }

    private async Task<int> AskedAsync(string title, string procedure)
    {
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", Asking(title, procedure));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await site.IdOfAsync(QuestionSite.CodeOf(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Officers_of_the_unit_see_and_correct_the_procedure_others_change_nothing()
    {
        await site.AddUserAsync("tiep-nhan-tt@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync("tiep-nhan-khac-tt@cchc.test", (QuestionSite.OtherUnit, UnitRole.HotlineOfficer));
        var id = await AskedAsync("Hỏi nhầm thủ tục khai sinh", Birth);
        var officer = await site.SignedInAsync("tiep-nhan-tt@cchc.test");
        Assert.Contains($"{Birth} – Đăng ký khai sinh", WebUtility.HtmlDecode(await officer.GetStringAsync($"/quan-tri/hoi-dap/{id}")));

        var other = await site.SignedInAsync("tiep-nhan-khac-tt@cchc.test");
        var token = Editor.EditorSite.AntiforgeryToken(await other.GetStringAsync("/quan-tri/hoi-dap"));
        var version = await site.WithDbAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        var refused = await other.PostAsync($"/quan-tri/hoi-dap/{id}/thu-tuc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = version.ToString(), ["procedure"] = Transfer,
        }));
        Assert.Equal("/quan-tri/khong-co-quyen", new Uri(new Uri("http://x"), refused.Headers.Location!).AbsolutePath);
        Assert.Equal(Birth, await ProcedureOfAsync("Hỏi nhầm thủ tục khai sinh"));

        var unknown = await QuestionSite.StepAsync(officer, id, "thu-tuc", new Dictionary<string, string> { ["procedure"] = "9.999999" });
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("Không có thủ tục mã 9.999999.", WebUtility.HtmlDecode(await officer.GetStringAsync($"/quan-tri/hoi-dap/{id}")));
        Assert.Equal(Birth, await ProcedureOfAsync("Hỏi nhầm thủ tục khai sinh"));

        await QuestionSite.StepAsync(officer, id, "thu-tuc", new Dictionary<string, string> { ["procedure"] = "chuyen truong" });
        Assert.Equal(Transfer, await ProcedureOfAsync("Hỏi nhầm thủ tục khai sinh"));
        Assert.Contains($"{Transfer} – {TransferName}", WebUtility.HtmlDecode(await officer.GetStringAsync($"/quan-tri/hoi-dap/{id}")));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ItemId == id.ToString() && a.Summary.Contains(Transfer))));

        await QuestionSite.StepAsync(officer, id, "thu-tuc", new Dictionary<string, string> { ["procedure"] = "" });
        Assert.Null(await ProcedureOfAsync("Hỏi nhầm thủ tục khai sinh"));
    }
}
