using CchcSite.Content.Outcomes;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Surveys;

/// <summary>Responses on a real database: the anonymity promise, one per browser, conditions and the survey's state.</summary>
public sealed class SurveyResponsesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Now => _database.Clock.GetUtcNow().UtcDateTime;

    /// <summary>An open survey: "Đã từng nộp hồ sơ?" (Có/Không), a question shown after "Có", a required scale and optional text.</summary>
    private async Task<Survey> SurveyAsync(SurveyState state = SurveyState.Open, bool anonymous = true)
    {
        var unit = await _database.AddUnitAsync("phuong-thu");
        await using var db = _database.NewContext();
        var survey = new Survey
        {
            UnitId = unit.Id, Slug = "khao-sat-thu", Title = "Khảo sát thử", State = state, IsAnonymous = anonymous,
            OpensAt = Now.AddDays(-1), ClosesAt = Now.AddDays(30), CreatedAt = Now, UpdatedAt = Now,
            Questions =
            [
                new SurveyQuestion
                {
                    Text = "Ông/bà đã từng nộp hồ sơ tại bộ phận một cửa?", Kind = QuestionKind.SingleChoice, Order = 1,
                    Options = [new SurveyOption { Text = "Có", Order = 1 }, new SurveyOption { Text = "Không", Order = 2 }],
                },
                new SurveyQuestion
                {
                    Text = "Hồ sơ về thủ tục nào?", Kind = QuestionKind.MultipleChoice, Order = 2,
                    Options = [new SurveyOption { Text = "Hộ tịch", Order = 1 }, new SurveyOption { Text = "Đất đai", Order = 2 }],
                },
                new SurveyQuestion { Text = "Mức độ hài lòng chung", Kind = QuestionKind.Scale, Order = 3, LowLabel = "Rất không hài lòng", HighLabel = "Rất hài lòng" },
                new SurveyQuestion { Text = "Góp ý", Kind = QuestionKind.LongText, Order = 4, Required = false },
            ],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        // The second question is shown only after "Có" of the first.
        survey.Questions[1].ShowIfQuestionId = survey.Questions[0].Id;
        survey.Questions[1].ShowIfOptionId = survey.Questions[0].Options[0].Id;
        await db.SaveChangesAsync();
        return survey;
    }

    private static Dictionary<int, QuestionnaireAnswer> Answers(Survey s, bool yes, string rating = "4") => new()
    {
        [s.Questions[0].Id] = new([s.Questions[0].Options[yes ? 0 : 1].Id], null),
        [s.Questions[1].Id] = new([s.Questions[1].Options[1].Id], null),
        [s.Questions[2].Id] = new([], rating),
        [s.Questions[3].Id] = new([], "Cán bộ nhiệt tình <b>lắm</b>"),
    };

    private async Task<Outcome<int>> SubmitAsync(Respondent respondent, IReadOnlyDictionary<int, QuestionnaireAnswer> answers, string? name = null)
    {
        await using var db = _database.NewContext();
        return await _database.Get<SurveyResponses>(db).SubmitAsync("khao-sat-thu", respondent, answers, name, default);
    }

    [Fact]
    public async Task An_anonymous_response_keeps_the_day_the_answers_and_a_hash_of_the_token_and_nothing_else()
    {
        var survey = await SurveyAsync();
        _database.Clock.SetUtcNow(new DateTimeOffset(2022, 6, 15, 20, 30, 0, TimeSpan.Zero)); // 03:30 on 16/06 in Vietnam
        var id = Assert.IsType<Outcome<int>.Ok>(await SubmitAsync(new Respondent.Browser("token-a"), Answers(survey, yes: true), name: "Nguyễn Văn An")).Value;

        await using var db = _database.NewContext();
        // The row's columns are the promise: a new column (an address, a user agent, a time) must fail this test first.
        var columns = db.Model.FindEntityType(typeof(SurveyResponse))!.GetProperties().Select(p => p.GetColumnName()).Order().ToArray();
        Assert.Equal(["Day", "Id", "IsSample", "RespondentName", "SurveyId", "SurveyVersion", "TokenHash"], columns);
        var row = await db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.Id == id);
        Assert.Equal(new DateOnly(2022, 6, 16), row.Day);
        Assert.Null(row.RespondentName);
        Assert.Equal(SurveyResponses.HashToken(survey.Id, "token-a"), row.TokenHash);
        Assert.Equal(64, row.TokenHash!.Length);
        Assert.DoesNotContain("token-a", row.TokenHash);
        Assert.Equal(4, row.Answers.Count);
        Assert.Equal("Cán bộ nhiệt tình <b>lắm</b>", row.Answers.Single(a => a.QuestionId == survey.Questions[3].Id).Text);
        Assert.Equal(4m, row.Answers.Single(a => a.QuestionId == survey.Questions[2].Id).Number);
    }

    [Fact]
    public async Task A_survey_that_is_not_anonymous_keeps_the_name_given()
    {
        var survey = await SurveyAsync(anonymous: false);
        var id = Assert.IsType<Outcome<int>.Ok>(await SubmitAsync(new Respondent.Browser("t"), Answers(survey, yes: false), name: " Trần Thị Bình ")).Value;
        await using var db = _database.NewContext();
        Assert.Equal("Trần Thị Bình", (await db.SurveyResponses.SingleAsync(r => r.Id == id)).RespondentName);
    }

    [Fact]
    public async Task One_browser_answers_once_and_a_kiosk_many_times()
    {
        var survey = await SurveyAsync();
        Assert.True((await SubmitAsync(new Respondent.Browser("token-a"), Answers(survey, yes: true))).IsOk);
        var again = Assert.IsType<Outcome<int>.Conflict>(await SubmitAsync(new Respondent.Browser("token-a"), Answers(survey, yes: false)));
        Assert.Equal(SurveyResponses.AlreadyAnswered, again.Message);
        Assert.True((await SubmitAsync(new Respondent.Browser("token-b"), Answers(survey, yes: false))).IsOk);
        Assert.True((await SubmitAsync(new Respondent.Kiosk(), Answers(survey, yes: true))).IsOk);
        Assert.True((await SubmitAsync(new Respondent.Kiosk(), Answers(survey, yes: true))).IsOk);

        await using var db = _database.NewContext();
        Assert.Equal(4, await db.SurveyResponses.CountAsync());
        Assert.True(await _database.Get<SurveyResponses>(db).HasAnsweredAsync("khao-sat-thu", "token-a", default));
        Assert.False(await _database.Get<SurveyResponses>(db).HasAnsweredAsync("khao-sat-thu", "token-c", default));
    }

    [Fact]
    public async Task Missing_required_answers_are_refused_by_question_and_nothing_is_stored()
    {
        var survey = await SurveyAsync();
        var answers = Answers(survey, yes: true);
        answers.Remove(survey.Questions[1].Id);
        answers[survey.Questions[2].Id] = new([], "");
        var invalid = Assert.IsType<Outcome<int>.Invalid>(await SubmitAsync(new Respondent.Browser("t"), answers));
        Assert.Equal([survey.Questions[1].Id.ToString(), survey.Questions[2].Id.ToString()], invalid.Errors.Keys.Order());

        // Answered "Không": the conditional question's answer is dropped, not stored.
        var id = Assert.IsType<Outcome<int>.Ok>(await SubmitAsync(new Respondent.Browser("t"), Answers(survey, yes: false))).Value;
        await using var db = _database.NewContext();
        Assert.DoesNotContain(survey.Questions[1].Id, await db.SurveyAnswers.Where(a => a.ResponseId == id).Select(a => a.QuestionId).ToListAsync());
    }

    [Fact]
    public async Task Only_an_open_survey_within_its_dates_takes_responses_and_a_draft_is_not_there()
    {
        var survey = await SurveyAsync(SurveyState.Closed);
        Assert.Equal(SurveyResponses.NotOpen, Assert.IsType<Outcome<int>.Refused>(await SubmitAsync(new Respondent.Kiosk(), Answers(survey, true))).Reason);
        await using (var db = _database.NewContext())
            await db.Surveys.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SurveyState.Open).SetProperty(x => x.ClosesAt, Now));
        Assert.IsType<Outcome<int>.Refused>(await SubmitAsync(new Respondent.Kiosk(), Answers(survey, true)));
        await using (var db = _database.NewContext())
        {
            await db.Surveys.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SurveyState.Draft));
            Assert.Null(await _database.Get<SurveyResponses>(db).FormAsync("khao-sat-thu", new Dictionary<int, QuestionnaireAnswer>(),
                new Dictionary<int, string>(), default));
        }
        Assert.IsType<Outcome<int>.NotFound>(await SubmitAsync(new Respondent.Kiosk(), Answers(survey, true)));
    }
}
