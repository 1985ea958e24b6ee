using CchcSite.Content.Contests;
using CchcSite.Content.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Who prepares contests: editors and approvers of the organising unit and administrators; who publishes, returns, takes back
/// to draft, corrects a published contest's questions and sees the entries: its approvers and administrators. An editor or
/// approver of another unit reaches the list and the new form (for their own unit), never this unit's contest; everyone
/// refused changes nothing.
/// </summary>
public sealed class ContestAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint
    {
        ListPage, NewForm, Create, EditForm, Update, NewQuestion, CreateQuestion, EditQuestion, UpdateQuestion, DeleteQuestion, Import, Entries, Export, Disqualify,
        Submit, Publish, SendBack, BackToDraft, CorrectQuestion,
    }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Organisers = [Who.Administrator, Who.Approver];
    private static readonly HashSet<Who> Preparers = [Who.Administrator, Who.Approver, Who.Editor];

    /// <summary>
    /// A contest of its own for each case, organised by the unit under test, with one question and, when asked, one submitted
    /// entry; in the state the step needs, submitted by someone who is none of the users tried.
    /// </summary>
    private Task<(int Contest, int Question, int Attempt)> ContestOfTheUnitAsync(string title, bool withEntry, ContestStatus status) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == AuthorizationMatrix.Unit).Select(u => u.Id).SingleAsync();
        var contest = new Contest
        {
            UnitId = unitId, Slug = Content.Text.Slug.From(title), Title = title, RulesMarkdown = "Thể lệ", Status = status,
            SubmittedById = status == ContestStatus.Draft ? null : "nguoi-soan-khac", LastEditorId = "nguoi-soan-khac",
            PublishedAt = status == ContestStatus.Published ? new DateTime(2026, 12, 1) : null,
            Rounds = [new ContestRound { Number = 1, OpensAt = new DateTime(2027, 1, 1), ClosesAt = new DateTime(2027, 1, 8) }],
            Questions =
            [
                new ContestQuestion
                {
                    Text = "Câu hỏi của ma trận quyền", Kind = QuestionKind.SingleChoice, Order = 1, Explanation = "Nguồn",
                    Options = [new ContestOption { Text = "Đúng", Order = 1, IsCorrect = true }, new ContestOption { Text = "Sai", Order = 2 }],
                },
            ],
        };
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        var attempt = new ContestAttempt
        {
            RoundId = contest.Rounds[0].Id, Token = Guid.NewGuid(), FullName = "Người dự thi", Phone = "0912345678", StartedAt = new DateTime(2027, 1, 2),
            SubmittedAt = new DateTime(2027, 1, 2, 0, 5, 0), DurationSeconds = 300, Score = 1,
        };
        if (withEntry)
        {
            db.ContestAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        return (contest.Id, contest.Questions[0].Id, attempt.Id);
    });

    /// <summary>What a step can change: the contests named for the case (title, rounds, questions, options) and the contest audit entries.</summary>
    private Task<string> StateAsync(string title) => site.WithDbAsync(async db =>
    {
        var rows = await db.Contests.Where(c => c.Title.StartsWith(title)).OrderBy(c => c.Id)
            .Select(c => $"{c.Title}:{c.Status}:{c.Rounds.Count}:" + string.Join("/", c.Questions.OrderBy(q => q.Id).Select(q => q.Text + q.Options.Count))
                + string.Join("", db.ContestAttempts.Where(a => a.Round.ContestId == c.Id).Select(a => ":" + (a.DisqualifiedReason ?? "-"))))
            .ToListAsync();
        var audit = await db.AuditEntries.CountAsync(e => e.Action.StartsWith("contest.") && e.Summary.Contains(title));
        return string.Join(";", rows) + $"|{audit}";
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var title = $"Hội thi ma trận {endpoint} {who}";
        var status = endpoint switch
        {
            Endpoint.Publish or Endpoint.SendBack => ContestStatus.InReview,
            Endpoint.BackToDraft or Endpoint.CorrectQuestion => ContestStatus.Published,
            _ => ContestStatus.Draft,
        };
        var (contest, question, attempt) = await ContestOfTheUnitAsync(title, withEntry: endpoint is Endpoint.Entries or Endpoint.Export or Endpoint.Disqualify, status);
        var before = await StateAsync(title);
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"hoi-thi-{endpoint}-{who}".ToLowerInvariant());
        Dictionary<string, string> Contest(string name) => new()
        {
            ["don-vi"] = AuthorizationMatrix.Unit, ["Title"] = name, ["Rules"] = "Thể lệ mới", ["Audience"] = "Everyone", ["QuestionsPerAttempt"] = "10",
            ["TimeLimitMinutes"] = "10", ["AttemptsPerRound"] = "1", ["Rounds[0].OpensAt"] = "01/02/2027 08:00", ["Rounds[0].ClosesAt"] = "08/02/2027 08:00",
            ["Rounds[1].OpensAt"] = "08/02/2027 08:00", ["Rounds[1].ClosesAt"] = "15/02/2027 08:00",
        };
        Dictionary<string, string> Question(string text) => new()
        {
            ["Text"] = text, ["Kind"] = "SingleChoice", ["Options[0]"] = "Có", ["Options[1]"] = "Không", ["Options[2]"] = "Chưa rõ", ["Correct"] = "0",
            ["Explanation"] = "Theo Nghị quyết 76/NQ-CP.",
        };
        var path = $"/quan-tri/hoi-thi/{contest}";
        var response = endpoint switch
        {
            Endpoint.ListPage => await browser.GetAsync("/quan-tri/hoi-thi"),
            Endpoint.NewForm => await browser.GetAsync("/quan-tri/hoi-thi/moi"),
            Endpoint.Create => await EditorSite.PostFormAsync(browser, "/quan-tri/hoi-thi/moi", Contest(title + " mới")),
            Endpoint.EditForm => await browser.GetAsync(path),
            Endpoint.Update => await EditorSite.PostFormAsync(browser, path, Contest(title + " đã sửa")),
            Endpoint.NewQuestion => await browser.GetAsync($"{path}/cau-hoi/moi"),
            Endpoint.CreateQuestion => await EditorSite.PostFormAsync(browser, $"{path}/cau-hoi/moi", Question("Câu hỏi mới")),
            Endpoint.EditQuestion => await browser.GetAsync($"{path}/cau-hoi/{question}"),
            Endpoint.UpdateQuestion => await EditorSite.PostFormAsync(browser, $"{path}/cau-hoi/{question}", Question("Câu hỏi đã sửa")),
            Endpoint.DeleteQuestion => await EditorSite.PostFormAsync(browser, $"{path}/cau-hoi/{question}/xoa", []),
            Endpoint.Entries => await browser.GetAsync($"{path}/bai-thi"),
            Endpoint.Export => await browser.GetAsync($"{path}/bai-thi.xlsx"),
            Endpoint.Disqualify => await EditorSite.PostFormAsync(browser, $"{path}/bai-thi/{attempt}/loai", new() { ["ly-do"] = "Dùng hai số điện thoại" }),
            Endpoint.Submit or Endpoint.Publish or Endpoint.SendBack or Endpoint.BackToDraft =>
                await EditorSite.PostFormAsync(browser, $"{path}/buoc/{endpoint}", new() { ["note"] = "Cần bổ sung câu hỏi" }),
            Endpoint.CorrectQuestion => await EditorSite.PostFormAsync(browser, $"{path}/cau-hoi/{question}", new()
            {
                ["Text"] = "Câu hỏi đã đính chính", ["Kind"] = "SingleChoice", ["Options[0]"] = "Đúng", ["Options[1]"] = "Sai", ["Correct"] = "1",
                ["Explanation"] = "Theo Nghị quyết 76/NQ-CP.", ["CorrectionReason"] = "Đáp án nhầm",
            }),
            _ => await EditorSite.PostFormAsync(browser, $"{path}/nhap", new()
            {
                ["noi-dung"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(string.Join(",", ContestQuestionImport.Columns)
                    + "\r\nCâu hỏi nhập từ tệp,Một đáp án,Có,Không,,,,,A,Nguồn\r\n")),
                ["ten-tep"] = "cau-hoi.csv", ["ap-dung"] = "true",
            }),
        };

        var allowed = endpoint switch
        {
            Endpoint.ListPage or Endpoint.NewForm => Preparers.Contains(who) || who is Who.OtherApprover or Who.OtherEditor,
            Endpoint.Entries or Endpoint.Export or Endpoint.Disqualify or Endpoint.Publish or Endpoint.SendBack or Endpoint.BackToDraft
                or Endpoint.CorrectQuestion => Organisers.Contains(who),
            _ => Preparers.Contains(who),
        };
        var expected = who == Who.Anonymous ? Outcome.Login : allowed ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/hoi-thi"));
        var after = await StateAsync(title);
        if (expected != Outcome.Allowed
            || endpoint is Endpoint.ListPage or Endpoint.NewForm or Endpoint.EditForm or Endpoint.NewQuestion or Endpoint.EditQuestion or Endpoint.Entries or Endpoint.Export)
        {
            Assert.Equal(before, after);
            return;
        }
        var expectedState = endpoint switch
        {
            Endpoint.Create => $"{title}:Draft:1:Câu hỏi của ma trận quyền2;{title} mới:Draft:2:|1",
            Endpoint.Update => $"{title} đã sửa:Draft:2:Câu hỏi của ma trận quyền2|1",
            Endpoint.CreateQuestion => $"{title}:Draft:1:Câu hỏi của ma trận quyền2/Câu hỏi mới3|1",
            Endpoint.UpdateQuestion => $"{title}:Draft:1:Câu hỏi đã sửa3|1",
            Endpoint.DeleteQuestion => $"{title}:Draft:1:|1",
            Endpoint.Disqualify => $"{title}:Draft:1:Câu hỏi của ma trận quyền2:Dùng hai số điện thoại|1",
            Endpoint.Submit => $"{title}:InReview:1:Câu hỏi của ma trận quyền2|1",
            Endpoint.Publish => $"{title}:Published:1:Câu hỏi của ma trận quyền2|1",
            Endpoint.SendBack or Endpoint.BackToDraft => $"{title}:Draft:1:Câu hỏi của ma trận quyền2|1",
            Endpoint.CorrectQuestion => $"{title}:Published:1:Câu hỏi đã đính chính2|1",
            _ => $"{title}:Draft:1:Câu hỏi của ma trận quyền2/Câu hỏi nhập từ tệp2|1",
        };
        Assert.Equal(expectedState, after);
    }
}
