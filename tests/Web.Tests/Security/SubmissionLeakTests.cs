using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Questions;
using CchcSite.Web.Tests.Questions;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Finding 4: an officer merges citizen X's question into citizen Y's. X's tracking code must show only what is
/// addressed to X — never Y's code, title or private answer; Y's answer only once Y is public in the Q&amp;A column.
/// </summary>
public sealed class SubmissionLeakTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    private const string YTitle = "Hồ sơ đất đai của gia đình tôi ở khóm 3";
    private const string YAnswer = "Hồ sơ số 0457 của ông đã được trả về";

    [Fact]
    public async Task A_question_merged_into_another_citizens_private_one_shows_nothing_of_it_by_api_or_page()
    {
        var (x, y, officer, reviewer) = await MergedPairAsync("kin", consentOfY: false);
        await QuestionSite.StepAsync(officer, y.Id, "tra-loi", new Dictionary<string, string> { ["answer"] = YAnswer + " (riêng tư)." });
        await QuestionSite.StepAsync(reviewer, y.Id, "gui-tra-loi");
        var citizen = site.NewBrowser();
        Assert.Contains(YAnswer, await citizen.GetStringAsync($"/tra-cuu?ma={y.Code}"));

        var api = await citizen.GetAsync($"/api/v1/submissions/{x.Code}");
        var json = await api.Content.ReadAsStringAsync();
        var page = await citizen.GetStringAsync($"/tra-cuu?ma={x.Code}");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("Merged", JsonDocument.Parse(json).RootElement.GetProperty("status").GetString());
        foreach (var shown in new[] { json, page })
        {
            Assert.DoesNotContain(y.Code, shown);
            Assert.DoesNotContain(YTitle, shown);
            Assert.DoesNotContain(YAnswer, shown);
            Assert.DoesNotContain("/hoi-dap/" + y.Id, shown);
        }
        Assert.DoesNotContain("mergedInto", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Trả lời sẽ hiện tại đây khi được công khai", page);
    }

    [Fact]
    public async Task Once_the_other_question_is_published_the_merged_sender_reads_its_answer_and_a_link_to_it_but_not_its_code()
    {
        var (x, y, officer, reviewer) = await MergedPairAsync("cong", consentOfY: true);
        await QuestionSite.StepAsync(officer, y.Id, "tra-loi", new Dictionary<string, string> { ["answer"] = YAnswer + " (công khai)." });
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(reviewer, y.Id, "cong-khai")).StatusCode);
        var citizen = site.NewBrowser();

        var json = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{x.Code}");
        var page = await citizen.GetStringAsync($"/tra-cuu?ma={x.Code}");

        Assert.Equal(PublicSubmissions.AnsweredWithAnother, json.GetProperty("statusName").GetString());
        Assert.Contains(YAnswer, json.GetProperty("answerHtml").GetString());
        Assert.Equal($"/hoi-dap/{y.Id}", json.GetProperty("publishedQuestionUrl").GetString());
        Assert.Contains(YAnswer, page);
        Assert.Contains($"href=\"/hoi-dap/{y.Id}\"", page);
        Assert.DoesNotContain(y.Code, json.ToString());
        Assert.DoesNotContain(y.Code, page);
    }

    private sealed record Item(string Code, int Id);

    /// <summary>Two citizens ask; an officer merges X into Y. Returns both, the officer (who answers) and a second approver (who releases).</summary>
    private async Task<(Item X, Item Y, HttpClient Officer, HttpClient Reviewer)> MergedPairAsync(string suffix, bool consentOfY)
    {
        await site.AddUserAsync($"tiep-nhan-{suffix}@cchc.test", (QuestionSite.Unit, UnitRole.HotlineOfficer));
        await site.AddUserAsync($"lanh-dao-{suffix}@cchc.test", (QuestionSite.Unit, UnitRole.Approver));
        var fields = QuestionSite.Question(YTitle + $" ({suffix})");
        fields["PublishConsent"] = consentOfY ? "true" : "false";
        var asked = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", fields);
        var yCode = QuestionSite.CodeOf(await asked.Content.ReadAsStringAsync());
        var xCode = await site.AskAsync($"Thời hạn giải quyết hồ sơ đất đai ({suffix})");
        var x = new Item(xCode, await site.IdOfAsync(xCode));
        var y = new Item(yCode, await site.IdOfAsync(yCode));

        var officer = await site.SignedInAsync($"tiep-nhan-{suffix}@cchc.test");
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(officer, x.Id, "gop", new Dictionary<string, string> { ["intoCode"] = y.Code })).StatusCode);
        Assert.Equal(SubmissionStatus.Merged, await site.WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.Id == x.Id).Status)));
        return (x, y, officer, await site.SignedInAsync($"lanh-dao-{suffix}@cchc.test"));
    }
}
