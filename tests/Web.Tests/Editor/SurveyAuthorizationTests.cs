using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Who runs surveys: approvers of the unit and administrators (<c>ManageSurveys</c>). An approver of another unit reaches the
/// list and the new form (for their own unit), never this unit's survey; everyone refused changes nothing, anywhere. Saving a
/// closed SIPAS-style survey's figure as the unit's SIPAS result is its own row (<c>SaveSurveySipasResult</c>, the same people):
/// a refusal stores no index result.
/// </summary>
public sealed class SurveyAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { ListPage, NewForm, Create, EditForm, Update, Open, NewQuestion, CreateQuestion, NewMatrix, CreateMatrix, EditQuestion, UpdateQuestion, DeleteQuestion, Results, Export, ResponsesExport, PublishText, SaveSipas }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Managers = [Who.Administrator, Who.Approver];

    /// <summary>A draft survey of its own for each case, of the unit under test, with one question of two options.</summary>
    private Task<(int Survey, int Question)> SurveyOfTheUnitAsync(string title) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == AuthorizationMatrix.Unit).Select(u => u.Id).SingleAsync();
        var survey = new Survey
        {
            UnitId = unitId, Slug = Content.Text.Slug.From(title), Title = title, State = SurveyState.Draft,
            OpensAt = DateTime.UtcNow.AddDays(-1), ClosesAt = DateTime.UtcNow.AddDays(30), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            Questions =
            [
                new SurveyQuestion
                {
                    Text = "Câu hỏi của ma trận quyền", Kind = QuestionKind.SingleChoice, Order = 1,
                    Options = [new SurveyOption { Text = "Có", Order = 1 }, new SurveyOption { Text = "Không", Order = 2 }],
                },
            ],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return (survey.Id, survey.Questions[0].Id);
    });

    /// <summary>
    /// For <see cref="Endpoint.SaveSipas"/>: the case's survey closed on 30/06 of a year of its own (so that no two cases save
    /// into one unit's year), with a satisfaction scale as its indicator and one "5".
    /// </summary>
    private Task MakeClosedSipasStyleAsync(int surveyId, Who who) => site.WithDbAsync(async db =>
    {
        var survey = await db.Surveys.SingleAsync(s => s.Id == surveyId);
        survey.State = SurveyState.Closed;
        survey.ClosesAt = new DateTime(2040 + (int)who, 6, 30, 17, 0, 0, DateTimeKind.Utc);
        var question = new SurveyQuestion
        {
            SurveyId = surveyId, Text = "Mức độ hài lòng chung", Kind = QuestionKind.Scale, Order = 2, IsIndicator = true,
            LowLabel = SurveyTemplates.Low, HighLabel = SurveyTemplates.High,
        };
        db.SurveyQuestions.Add(question);
        await db.SaveChangesAsync();
        db.SurveyResponses.Add(new SurveyResponse
        {
            SurveyId = surveyId, SurveyVersion = 1, Day = new DateOnly(2040, 6, 1), Answers = [new SurveyAnswer { QuestionId = question.Id, Number = 5 }],
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// What a step can change: the case's survey (title, state, questions and options), how many surveys there are, the survey
    /// audit entries, the published comments, and the index results of the unit.
    /// </summary>
    private Task<string> StateAsync(string title) => site.WithDbAsync(async db =>
    {
        var rows = await db.Surveys.Where(s => s.Title.StartsWith(title)).OrderBy(s => s.Id)
            .Select(s => $"{s.Title}:{s.State}:" + string.Join("/", s.Questions.OrderBy(q => q.Id).Select(q => q.Text + q.Options.Count))).ToListAsync();
        var surveys = await db.Surveys.CountAsync();
        var audit = await db.AuditEntries.CountAsync(e => e.Action.StartsWith("survey."));
        var published = await db.SurveyAnswers.CountAsync(a => a.IsPublished && db.SurveyResponses.Any(r => r.Id == a.ResponseId && db.Surveys.Any(s => s.Id == r.SurveyId && s.Title.StartsWith(title))));
        var results = await db.IndexResults.CountAsync(r => r.Unit.Slug == AuthorizationMatrix.Unit);
        return string.Join(";", rows) + $"|{surveys}|{audit}|{published}|{results}";
    });

    /// <summary>A free-text question of the survey and one response that answered it: the comment an officer may publish.</summary>
    private Task<(int Response, int Question)> CommentAsync(int surveyId) => site.WithDbAsync(async db =>
    {
        var question = new SurveyQuestion { SurveyId = surveyId, Text = "Góp ý", Kind = QuestionKind.LongText, Order = 9, Required = false };
        db.SurveyQuestions.Add(question);
        await db.SaveChangesAsync();
        var response = new SurveyResponse
        {
            SurveyId = surveyId, SurveyVersion = 1, Day = new DateOnly(2027, 1, 5), Answers = [new SurveyAnswer { QuestionId = question.Id, Text = "Nên mở thêm quầy." }],
        };
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
        return (response.Id, question.Id);
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var title = $"Khảo sát ma trận {endpoint} {who}";
        var (survey, question) = await SurveyOfTheUnitAsync(title);
        var comment = endpoint == Endpoint.PublishText ? await CommentAsync(survey) : default;
        if (endpoint == Endpoint.SaveSipas)
            await MakeClosedSipasStyleAsync(survey, who);
        var before = await StateAsync(title);
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"khao-sat-{endpoint}-{who}".ToLowerInvariant());
        Dictionary<string, string> Question(string text) => new()
        {
            ["Section"] = "I. Thông tin chung", ["Text"] = text, ["Kind"] = "SingleChoice", ["Required"] = "true",
            ["Options[0]"] = "Có", ["Options[1]"] = "Không", ["Options[2]"] = "Chưa rõ",
        };
        var path = $"/quan-tri/khao-sat/{survey}";
        var response = endpoint switch
        {
            Endpoint.ListPage => await browser.GetAsync("/quan-tri/khao-sat"),
            Endpoint.NewForm => await browser.GetAsync("/quan-tri/khao-sat/moi"),
            Endpoint.Create => await EditorSite.PostFormAsync(browser, "/quan-tri/khao-sat/moi", new() { ["don-vi"] = AuthorizationMatrix.Unit, ["mau"] = "Understanding" }),
            Endpoint.EditForm => await browser.GetAsync(path),
            Endpoint.Update => await EditorSite.PostFormAsync(browser, path, new()
            {
                ["Title"] = title + " đã sửa", ["Audience"] = "Citizens", ["OpensOn"] = "01/02/2027", ["ClosesOn"] = "28/02/2027", ["IsAnonymous"] = "true", ["TargetPercent"] = "95",
            }),
            Endpoint.Open => await EditorSite.PostFormAsync(browser, $"{path}/trang-thai", new() { ["chuyen"] = "Open" }),
            Endpoint.NewQuestion => await browser.GetAsync($"{path}/cau-hoi/moi"),
            Endpoint.CreateQuestion => await EditorSite.PostFormAsync(browser, $"{path}/cau-hoi/moi", Question("Câu hỏi mới")),
            Endpoint.NewMatrix => await browser.GetAsync($"{path}/ma-tran/moi"),
            Endpoint.CreateMatrix => await EditorSite.PostFormAsync(browser, $"{path}/ma-tran/moi", new()
            {
                ["Prompt"] = "Đánh giá", ["Statements"] = "Thái độ\nHướng dẫn", ["LowLabel"] = "Kém", ["HighLabel"] = "Tốt", ["Required"] = "true",
            }),
            Endpoint.EditQuestion => await browser.GetAsync($"{path}/cau-hoi/{question}"),
            Endpoint.UpdateQuestion => await EditorSite.PostFormAsync(browser, $"{path}/cau-hoi/{question}", Question("Câu hỏi đã sửa")),
            Endpoint.DeleteQuestion => await EditorSite.PostFormAsync(browser, $"{path}/cau-hoi/{question}/xoa", []),
            Endpoint.Results => await browser.GetAsync($"{path}/ket-qua"),
            Endpoint.Export => await browser.GetAsync($"{path}/ket-qua.xlsx"),
            Endpoint.PublishText => await EditorSite.PostFormAsync(browser, $"{path}/y-kien/{comment.Response}/{comment.Question}", new() { ["cong-bo"] = "true" }),
            Endpoint.SaveSipas => await EditorSite.PostFormAsync(browser, $"{path}/ket-qua/sipas", []),
            _ => await browser.GetAsync($"{path}/y-kien.csv"),
        };

        var allowed = endpoint is Endpoint.ListPage or Endpoint.NewForm ? Managers.Contains(who) || who == Who.OtherApprover : Managers.Contains(who);
        var expected = who == Who.Anonymous ? Outcome.Login : allowed ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/khao-sat"));
        var after = await StateAsync(title);
        if (expected != Outcome.Allowed
            || endpoint is Endpoint.ListPage or Endpoint.NewForm or Endpoint.EditForm or Endpoint.NewQuestion or Endpoint.NewMatrix or Endpoint.EditQuestion or Endpoint.Results or Endpoint.Export or Endpoint.ResponsesExport)
        {
            Assert.Equal(before, after);
            return;
        }
        var counts = before.Split('|');
        var (surveys, audit, published, results) = (int.Parse(counts[1]), int.Parse(counts[2]), int.Parse(counts[3]), int.Parse(counts[4]));
        var expectedState = endpoint switch
        {
            Endpoint.SaveSipas => $"{before.Split('|')[0]}|{surveys}|{audit}|{published}|{results + 1}",
            Endpoint.PublishText => $"{before.Split('|')[0]}|{surveys}|{audit + 1}|{published + 1}|{results}",
            Endpoint.Create => $"{title}:Draft:Câu hỏi của ma trận quyền2|{surveys + 1}|{audit + 1}|{published}|{results}",
            Endpoint.Update => $"{title} đã sửa:Draft:Câu hỏi của ma trận quyền2|{surveys}|{audit + 1}|{published}|{results}",
            Endpoint.Open => $"{title}:Open:Câu hỏi của ma trận quyền2|{surveys}|{audit + 1}|{published}|{results}",
            Endpoint.CreateQuestion => $"{title}:Draft:Câu hỏi của ma trận quyền2/Câu hỏi mới3|{surveys}|{audit + 1}|{published}|{results}",
            Endpoint.CreateMatrix => $"{title}:Draft:Câu hỏi của ma trận quyền2/Thái độ0/Hướng dẫn0|{surveys}|{audit + 1}|{published}|{results}",
            Endpoint.UpdateQuestion => $"{title}:Draft:Câu hỏi đã sửa3|{surveys}|{audit + 1}|{published}|{results}",
            _ => $"{title}:Draft:|{surveys}|{audit + 1}|{published}|{results}",
        };
        Assert.Equal(expectedState, after);
    }
}
