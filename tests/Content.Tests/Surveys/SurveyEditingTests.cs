using CchcSite.Content.Audit;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Surveys;

/// <summary>A unit's survey from a template to its results: questions locked by the first response, dates in Vietnam time, figures by hand.</summary>
public sealed class SurveyEditingTests : IAsyncLifetime
{
    private static readonly Actor Approver = new("a", "a@cchc.test", null);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<SurveyEditing, Task<T>> act)
    {
        await using var db = _database.NewContext();
        return await act(_database.Get<SurveyEditing>(db));
    }

    private async Task<int> CreateOpenAsync(SurveyTemplate template)
    {
        var unit = await _database.AddUnitAsync("phuong-mau");
        var id = Assert.IsType<Outcome<int>.Ok>(await WithAsync(e => e.CreateAsync(unit.Id, template, Approver, default))).Value;
        Assert.IsType<Outcome<SurveyState>.Ok>(await WithAsync(e => e.ChangeStateAsync(id, SurveyState.Open, Approver, default)));
        return id;
    }

    private async Task<Outcome<int>> AnswerAsync(int surveyId, Dictionary<int, QuestionnaireAnswer> answers)
    {
        await using var db = _database.NewContext();
        var slug = await db.Surveys.Where(s => s.Id == surveyId).Select(s => s.Slug).SingleAsync();
        return await _database.Get<SurveyResponses>(db).SubmitAsync(slug, new Respondent.Kiosk(), answers, null, default);
    }

    private static SurveyQuestionInput Question(string text) => new()
    {
        Section = "VIII. Câu hỏi thêm", Text = text, Kind = nameof(QuestionKind.SingleChoice), Required = true, Options = ["Có", "Không", "", ""],
    };

    [Fact]
    public async Task A_template_gives_its_sections_questions_and_condition_and_the_first_response_locks_the_questions()
    {
        var id = await CreateOpenAsync(SurveyTemplate.Satisfaction);
        var view = (await WithAsync(e => e.FindAsync(id, default)))!;
        Assert.Equal(12, view.Questions.Count);
        Assert.Equal(7, view.Questions.Select(q => q.Section).Distinct().Count());
        Assert.True(view.Questions[9].Conditional);
        Assert.Single(view.Questions, q => q.IsIndicator);
        Assert.Equal("phuong-mau-hai-long-2022", view.Slug);

        // Before any response: a question is added (blank option boxes ignored) and edited into a new section.
        var added = Assert.IsType<Outcome<int>.Ok>(await WithAsync(e => e.SaveQuestionAsync(id, null, Question("Ông/Bà có nộp hồ sơ trực tuyến?"), Approver, default))).Value;
        Assert.IsType<Outcome<int>.Ok>(await WithAsync(e => e.SaveQuestionAsync(id, added, Question("Ông/Bà đã nộp hồ sơ trực tuyến lần nào chưa?"), Approver, default)));
        var input = (await WithAsync(e => e.QuestionAsync(id, added, default)))!;
        Assert.Equal(["Có", "Không"], input.Options);
        Assert.Equal("VIII. Câu hỏi thêm", input.Section);

        var questions = (await WithAsync(e => e.FindAsync(id, default)))!.Questions;
        var answers = new Dictionary<int, QuestionnaireAnswer>();
        foreach (var q in questions)
            answers[q.Id] = q.Kind.HasOptions() ? new([q.Options[^1].Id], null) : q.Kind == QuestionKind.Scale ? new([], "4") : QuestionnaireAnswer.Empty;
        Assert.IsType<Outcome<int>.Ok>(await AnswerAsync(id, answers));

        var refused = Assert.IsType<Outcome<int>.Refused>(await WithAsync(e => e.SaveQuestionAsync(id, added, Question("Đổi câu hỏi"), Approver, default)));
        Assert.Equal(SurveyEditing.Locked, refused.Reason);
        Assert.IsType<Outcome<int>.Refused>(await WithAsync(e => e.SaveQuestionAsync(id, null, Question("Câu mới"), Approver, default)));
        Assert.IsType<Outcome<bool>.Refused>(await WithAsync(e => e.DeleteQuestionAsync(id, added, Approver, default)));
        var after = (await WithAsync(e => e.FindAsync(id, default)))!;
        Assert.True(after.QuestionsLocked);
        Assert.Equal(questions.Select(q => q.Text), after.Questions.Select(q => q.Text));

        // The anonymity promised to those who answered stays; the details are otherwise still editable.
        var details = after.Input with { IsAnonymous = false };
        var invalid = Assert.IsType<Outcome<int>.Invalid>(await WithAsync(e => e.SaveAsync(id, details, Approver, default)));
        Assert.Contains("IsAnonymous", invalid.Errors.Keys);
    }

    [Fact]
    public async Task Dates_are_days_in_Vietnam_time_and_bad_input_gets_Vietnamese_messages()
    {
        var id = await CreateOpenAsync(SurveyTemplate.Understanding);
        var input = (await WithAsync(e => e.FindAsync(id, default)))!.Input;
        Assert.Equal("15/06/2022", input.OpensOn);
        var invalid = Assert.IsType<Outcome<int>.Invalid>(await WithAsync(e => e.SaveAsync(id,
            input with { OpensOn = "31/02/2027", ClosesOn = "01/01/2027", TargetPercent = "120", Title = " " }, Approver, default)));
        Assert.Equal("Ngày mở ghi theo dạng ngày/tháng/năm, ví dụ 05/01/2027.", Assert.Single(invalid.Errors["OpensOn"]));
        Assert.Contains("TargetPercent", invalid.Errors.Keys);
        Assert.Contains("Title", invalid.Errors.Keys);

        Assert.IsType<Outcome<int>.Ok>(await WithAsync(e => e.SaveAsync(id, input with { OpensOn = "1/7/2022", ClosesOn = "31/07/2022", TargetPercent = "95%" }, Approver, default)));
        await using var db = _database.NewContext();
        var survey = await db.Surveys.SingleAsync(s => s.Id == id);
        // 1 July 00:00 in Vietnam is 30 June 17:00 UTC; the survey takes responses to the end of 31 July.
        Assert.Equal(new DateTime(2022, 6, 30, 17, 0, 0, DateTimeKind.Utc), survey.OpensAt);
        Assert.Equal(new DateTime(2022, 7, 31, 17, 0, 0, DateTimeKind.Utc), survey.ClosesAt);
        Assert.Equal(95, survey.TargetPercent);
    }

    [Fact]
    public async Task A_survey_opens_closes_and_publishes_its_results_only_in_that_order()
    {
        var id = await CreateOpenAsync(SurveyTemplate.Understanding);
        Assert.Equal("Hãy đóng khảo sát trước khi công bố kết quả.",
            Assert.IsType<Outcome<SurveyState>.Refused>(await WithAsync(e => e.ChangeStateAsync(id, SurveyState.Published, Approver, default))).Reason);
        Assert.IsType<Outcome<SurveyState>.Ok>(await WithAsync(e => e.ChangeStateAsync(id, SurveyState.Closed, Approver, default)));
        Assert.IsType<Outcome<SurveyState>.Ok>(await WithAsync(e => e.ChangeStateAsync(id, SurveyState.Published, Approver, default)));
        await using var db = _database.NewContext();
        Assert.Equal(SurveyState.Published, (await db.Surveys.SingleAsync(s => s.Id == id)).State);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SurveyStateChanged));
    }

    [Fact]
    public async Task Results_count_each_option_among_those_who_answered_average_the_scale_and_read_the_indicator_against_the_target()
    {
        var id = await CreateOpenAsync(SurveyTemplate.Understanding);
        var q = (await WithAsync(e => e.FindAsync(id, default)))!.Questions;
        int[] ratings = [5, 5, 5, 4, 4, 4, 3, 3, 2, 1];
        for (var n = 0; n < 10; n++)
        {
            // Seven citizens and three organisations; everyone understands the purpose, all but the last its benefits.
            Assert.IsType<Outcome<int>.Ok>(await AnswerAsync(id, new()
            {
                [q[0].Id] = new([q[0].Options[n < 7 ? 0 : 1].Id], null),
                [q[1].Id] = new([q[1].Options[0].Id], null),
                [q[2].Id] = new([q[2].Options[n < 9 ? 0 : 1].Id], null),
                [q[4].Id] = new([], ratings[n].ToString()),
                [q[5].Id] = new([], n == 0 ? "Thêm tờ rơi ở khu phố" : null),
            }));
        }
        await using var db = _database.NewContext();
        var results = (await _database.Get<SurveyResults>(db).ReadAsync(id, withTexts: true, default))!;
        Assert.Equal(10, results.Responses);
        Assert.Equal([70.0, 30.0, 0.0], results.Questions[0].Options.Select(o => o.Percent));
        Assert.Equal(0, results.Questions[3].Answered);
        Assert.Equal([1, 1, 2, 3, 3], results.Questions[4].Scale!.Counts);
        Assert.Equal(3.6m, results.Questions[4].Mean);
        Assert.Equal(["Thêm tờ rơi ở khu phố"], results.Questions[5].Texts.Select(t => t.Text));

        // 9 of 10: Wilson 95% interval 59.6% – 98.2% (hand-computed), which holds the 95% target: no verdict either way.
        var indicator = results.Indicator!;
        Assert.Equal((9, 10), (indicator.Share.Count, indicator.Share.Total));
        Assert.Equal(0.5958, indicator.Share.Low, 4);
        Assert.Equal(0.9821, indicator.Share.High, 4);
        Assert.Null(indicator.Reached);
        Assert.Equal(95, indicator.TargetPercent);

        var rows = SurveyResults.ExportRows(results).ToList();
        Assert.Contains(rows, r => r[1] == "Tỷ lệ đạt chỉ số" && r[3] == "9" && r[4] == "90.0");
        Assert.Contains(rows, r => r[1] == "Khoảng tin cậy 95% (Wilson)" && r[4] == "59.6 – 98.2");
        Assert.Contains(rows, r => r[0] == "5" && r[2] == "Điểm trung bình" && r[4] == "3.60");
        Assert.DoesNotContain(rows, r => r.Contains("Thêm tờ rơi ở khu phố"));
        Assert.Empty((await _database.Get<SurveyResults>(db).ReadAsync(id, withTexts: false, default))!.Questions[5].Texts);

        // An officer publishes the comment: the public side then reads it, and only it; withdrawn, it is gone again. Each step audited.
        var text = results.Questions[5].Texts.Single();
        var editing = _database.Get<SurveyEditing>(db);
        Assert.IsType<Outcome<bool>.NotFound>(await editing.PublishTextAsync(id, text.ResponseId, results.Questions[4].Id, true, Approver, default));
        Assert.IsType<Outcome<bool>.NotFound>(await editing.PublishTextAsync(id + 1, text.ResponseId, results.Questions[5].Id, true, Approver, default));
        Assert.True(Assert.IsType<Outcome<bool>.Ok>(await editing.PublishTextAsync(id, text.ResponseId, results.Questions[5].Id, true, Approver, default)).Value);
        Assert.Equal([new SurveyText(text.ResponseId, "Thêm tờ rơi ở khu phố", true)],
            (await _database.Get<SurveyResults>(db).ReadAsync(id, withTexts: false, default))!.Questions[5].Texts);
        Assert.False(Assert.IsType<Outcome<bool>.Ok>(await editing.PublishTextAsync(id, text.ResponseId, results.Questions[5].Id, false, Approver, default)).Value);
        Assert.Empty((await _database.Get<SurveyResults>(db).ReadAsync(id, withTexts: false, default))!.Questions[5].Texts);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SurveyTextPublished));

        // Split by who answered (câu 1): seven citizens, three organisations, no civil servant; the last organisation understands the benefits only in part.
        var split = results.ByAudience!;
        Assert.Equal(["Người dân", "Đại diện tổ chức, doanh nghiệp", "Cán bộ, công chức, viên chức"], split.Groups);
        var benefits = split.Tables[q[2].Id];
        Assert.Equal([7, 3, 0], benefits.Answered);
        Assert.Equal(["Hiểu rõ:7,2,0", "Biết một phần:0,1,0", "Chưa biết:0,0,0"], benefits.Rows.Select(r => $"{r.Label}:{string.Join(",", r.Counts)}"));
        // Ratings 5 5 5 4 4 4 3 from the citizens, 3 2 1 from the organisations.
        Assert.Equal(["Mức 1:0,1,0", "Mức 2:0,1,0", "Mức 3:1,1,0", "Mức 4:3,0,0", "Mức 5:3,0,0"], split.Tables[q[4].Id].Rows.Select(r => $"{r.Label}:{string.Join(",", r.Counts)}"));
        Assert.Equal([0, 0, 0], split.Tables[q[3].Id].Answered);
        Assert.False(split.Tables.ContainsKey(q[0].Id) || split.Tables.ContainsKey(q[5].Id));
        Assert.Null((await _database.Get<SurveyResults>(db).ReadAsync(id, withTexts: false, default))!.ByAudience);
    }

    [Fact]
    public async Task The_responses_table_has_a_row_per_response_a_column_per_question_free_text_and_a_name_only_when_not_anonymous()
    {
        var id = await CreateOpenAsync(SurveyTemplate.Understanding);
        var q = (await WithAsync(e => e.FindAsync(id, default)))!.Questions;
        Dictionary<int, QuestionnaireAnswer> Answers(int who, int understands, string? comment) => new()
        {
            [q[0].Id] = new([q[0].Options[who].Id], null),
            [q[1].Id] = new([q[1].Options[understands].Id], null),
            [q[2].Id] = new([q[2].Options[understands].Id], null),
            [q[3].Id] = new([q[3].Options[4].Id, q[3].Options[0].Id], null),
            [q[4].Id] = new([], "4"),
            [q[5].Id] = new([], comment),
        };
        // Sent in this order; the table must not keep it (an anonymous survey promises nothing finer than the day).
        Assert.IsType<Outcome<int>.Ok>(await AnswerAsync(id, Answers(1, 2, null)));
        Assert.IsType<Outcome<int>.Ok>(await AnswerAsync(id, Answers(0, 0, "Cần thêm tờ rơi")));

        await using var db = _database.NewContext();
        var table = (await _database.Get<SurveyResults>(db).ResponsesAsync(id, default))!;
        Assert.Equal(["Phiếu số", "Ngày gửi", "Câu 1. Ông/Bà là", "Câu 2. Ông/Bà có hiểu mục đích của cải cách hành chính nhà nước không?"], table.Columns.Take(4));
        Assert.Equal(8, table.Columns.Count);
        var day = (await db.SurveyResponses.Where(r => r.SurveyId == id).Select(r => r.Day).FirstAsync()).ToString("dd/MM/yyyy");
        Assert.Equal<IReadOnlyList<string?>>(
        [
            ["1", day, "Người dân", "Hiểu rõ", "Hiểu rõ", "Trang thông tin điện tử; Bộ phận Một cửa", "4", "Cần thêm tờ rơi"],
            ["2", day, "Đại diện tổ chức, doanh nghiệp", "Chưa biết", "Chưa biết", "Trang thông tin điện tử; Bộ phận Một cửa", "4", ""],
        ], table.Rows);

        // A survey that is not anonymous keeps the name given, and the table shows it after the day.
        var unitId = await db.Surveys.Where(s => s.Id == id).Select(s => s.UnitId).SingleAsync();
        var named = Assert.IsType<Outcome<int>.Ok>(await WithAsync(e => e.CreateAsync(unitId, SurveyTemplate.Understanding, Approver, default))).Value;
        Assert.IsType<Outcome<SurveyState>.Ok>(await WithAsync(e => e.ChangeStateAsync(named, SurveyState.Open, Approver, default)));
        await db.Surveys.Where(s => s.Id == named).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsAnonymous, false));
        var nq = (await WithAsync(e => e.FindAsync(named, default)))!.Questions;
        var slug = await db.Surveys.Where(s => s.Id == named).Select(s => s.Slug).SingleAsync();
        Assert.IsType<Outcome<int>.Ok>(await _database.Get<SurveyResponses>(db).SubmitAsync(slug, new Respondent.Kiosk(), new Dictionary<int, QuestionnaireAnswer>
        {
            [nq[0].Id] = new([nq[0].Options[2].Id], null), [nq[1].Id] = new([nq[1].Options[1].Id], null), [nq[2].Id] = new([nq[2].Options[1].Id], null),
            [nq[4].Id] = new([], "5"),
        }, "Nguyễn Văn An", default));
        var withName = (await _database.Get<SurveyResults>(db).ResponsesAsync(named, default))!;
        Assert.Equal(["Phiếu số", "Ngày gửi", "Họ và tên"], withName.Columns.Take(3));
        Assert.Equal<IReadOnlyList<string?>>(["1", day, "Nguyễn Văn An", "Cán bộ, công chức, viên chức", "Biết một phần", "Biết một phần", "", "5", ""], withName.Rows.Single());
        Assert.Null(await _database.Get<SurveyResults>(db).ResponsesAsync(-1, default));
    }

    [Fact]
    public async Task A_matrix_is_a_scale_question_per_statement_sharing_its_prompt_and_labels_and_bad_input_keeps_nothing()
    {
        var id = await CreateOpenAsync(SurveyTemplate.Understanding);
        var before = (await WithAsync(e => e.FindAsync(id, default)))!.Questions.Count;
        var invalid = Assert.IsType<Outcome<int>.Invalid>(await WithAsync(e => e.AddMatrixAsync(id,
            new SurveyMatrixInput { Prompt = " ", Statements = "Một nội dung\n\n", LowLabel = new string('x', 101) }, Approver, default)));
        Assert.Equal(["LowLabel", "Prompt", "Statements"], invalid.Errors.Keys.Order());
        Assert.Equal("Ma trận cần từ 2 đến 10 nội dung đánh giá, mỗi nội dung một dòng.", Assert.Single(invalid.Errors["Statements"]));
        Assert.Equal("Hai nội dung đánh giá trùng nhau.", Assert.Single(Assert.IsType<Outcome<int>.Invalid>(await WithAsync(e => e.AddMatrixAsync(id,
            new SurveyMatrixInput { Prompt = "Đánh giá", Statements = "Thái độ\r\nthái độ" }, Approver, default))).Errors["Statements"]));

        var input = new SurveyMatrixInput
        {
            Section = "IV. Công chức", Prompt = "Ông/Bà đánh giá thế nào về công chức?", Statements = " Thái độ lịch sự\r\n\r\nHướng dẫn một lần \nĐúng hẹn",
            LowLabel = "Rất kém", HighLabel = "Rất tốt", IsIndicator = true,
        };
        Assert.IsType<Outcome<int>.Ok>(await WithAsync(e => e.AddMatrixAsync(id, input, Approver, default)));
        await using (var db = _database.NewContext())
        {
            var rows = await db.SurveyQuestions.Where(q => q.SurveyId == id && q.Group != null).OrderBy(q => q.Order).ToListAsync();
            Assert.Equal(["Thái độ lịch sự", "Hướng dẫn một lần", "Đúng hẹn"], rows.Select(q => q.Text));
            Assert.All(rows, q => Assert.Equal((QuestionKind.Scale, "Ông/Bà đánh giá thế nào về công chức?", "Rất kém", "Rất tốt", true, true),
                (q.Kind, q.Group, q.LowLabel, q.HighLabel, q.IsIndicator, q.Required)));
            Assert.Equal(before + 3, await db.SurveyQuestions.CountAsync(q => q.SurveyId == id));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SurveyQuestionSaved));
        }

        // The form shows the statements as one block; a statement turned into another kind leaves the matrix.
        var form = (await FormAsync(id))!;
        Assert.Equal([1, 1, 1, 1, 1, 1, 3], form.Sections.SelectMany(s => s.Blocks).Select(b => b.Count));
        var last = form.Questions.Last();
        var edited = (await WithAsync(e => e.QuestionAsync(id, last.Id, default)))! with { Kind = nameof(QuestionKind.Number), IsIndicator = false };
        Assert.IsType<Outcome<int>.Ok>(await WithAsync(e => e.SaveQuestionAsync(id, last.Id, edited, Approver, default)));
        Assert.Equal([1, 1, 1, 1, 1, 1, 2, 1], (await FormAsync(id))!.Sections.SelectMany(s => s.Blocks).Select(b => b.Count));

        // Once answered, no matrix is added.
        var answers = (await FormAsync(id))!.Questions.ToDictionary(q => q.Id, q => q.Kind.HasOptions() ? new QuestionnaireAnswer([q.Options[0].Id], null)
            : q.Kind is QuestionKind.Scale or QuestionKind.Number ? new QuestionnaireAnswer([], "3") : QuestionnaireAnswer.Empty);
        Assert.IsType<Outcome<int>.Ok>(await AnswerAsync(id, answers));
        Assert.Equal(SurveyEditing.Locked, Assert.IsType<Outcome<int>.Refused>(await WithAsync(e => e.AddMatrixAsync(id, input, Approver, default))).Reason);
    }

    [Fact]
    public async Task The_satisfaction_template_asks_the_procedure_and_the_civil_servant_as_matrices()
    {
        var id = await CreateOpenAsync(SurveyTemplate.Satisfaction);
        var blocks = (await FormAsync(id))!.Sections.SelectMany(s => s.Blocks).ToList();
        Assert.Equal([1, 1, 1, 2, 2, 1, 1, 1, 1, 1], blocks.Select(b => b.Count));
        Assert.All(blocks.Where(b => b.Count > 1).SelectMany(b => b), q => Assert.Equal(QuestionKind.Scale, q.Kind));
    }

    private async Task<SurveyFormPage?> FormAsync(int id)
    {
        await using var db = _database.NewContext();
        var slug = await db.Surveys.Where(s => s.Id == id).Select(s => s.Slug).SingleAsync();
        return await _database.Get<SurveyResponses>(db).FormAsync(slug, new Dictionary<int, QuestionnaireAnswer>(), new Dictionary<int, string>(), default);
    }
}
