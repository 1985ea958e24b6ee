using System.Globalization;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Surveys;

/// <summary>The survey form as typed: dates dd/mm/yyyy (Vietnam time) and the target stay text until the rules have read them.</summary>
public sealed record SurveyInput
{
    public string? Title { get; init; }
    public string? Intro { get; init; }
    public string? Audience { get; init; }
    public string? AudienceNote { get; init; }
    public string? OpensOn { get; init; }
    public string? ClosesOn { get; init; }
    public bool IsAnonymous { get; init; } = true;
    public string? TargetPercent { get; init; }
    public string? TargetLabel { get; init; }
}

/// <summary>A question as typed: its section's title, up to six options with those meeting the indicator, and its condition as "questionId:optionId".</summary>
public sealed record SurveyQuestionInput
{
    public string? Section { get; init; }
    public string? Text { get; init; }
    public string? Kind { get; init; }
    public bool Required { get; init; }
    public List<string?> Options { get; init; } = [];
    public List<int> Meets { get; init; } = [];
    public bool IsIndicator { get; init; }
    public string? LowLabel { get; init; }
    public string? HighLabel { get; init; }
    public string? ShowIf { get; init; }
}

/// <summary>
/// A matrix as typed: a prompt shared by several statements, one a line, each rated on the same 1–5 scale with the same end
/// labels. Each statement is stored as a scale question of its own (answered, counted and exported on its own), grouped by the
/// prompt (<see cref="QuestionnaireQuestion.Group"/>) so that the form shows them as one table and the results as stacked bars.
/// </summary>
public sealed record SurveyMatrixInput
{
    public string? Section { get; init; }
    public string? Prompt { get; init; }
    public string? Statements { get; init; }
    public bool Required { get; init; } = true;
    public bool IsIndicator { get; init; }
    public string? LowLabel { get; init; } = SurveyTemplates.Low;
    public string? HighLabel { get; init; } = SurveyTemplates.High;
}

public sealed record SurveyListRow(int Id, string Slug, string Title, string UnitName, SurveyState State, DateTime OpensAt, DateTime ClosesAt, int Responses, bool IsSample);

public sealed record SurveyQuestionRow(int Id, int Number, string Section, string Text, QuestionKind Kind, bool Required, bool IsIndicator, bool Conditional,
    IReadOnlyList<(int Id, string Text)> Options)
{
    /// <summary>The prompt of the matrix this statement is a row of; null for a question on its own.</summary>
    public string? Group { get; init; }
}

/// <summary>A survey as its editor sees it: the form's values, its questions, its state and whether responses have locked the questions.</summary>
public sealed record SurveyEditView(int Id, int UnitId, string Slug, SurveyState State, bool IsSample, SurveyInput Input, IReadOnlyList<SurveyQuestionRow> Questions, int Responses)
{
    public bool QuestionsLocked => Responses > 0;
}

/// <summary>
/// The unit's side of its surveys: create one from a template, set its details, keep its questions while no one has
/// answered, open and close it, publish its results. The questions are locked by the first response — changing them then
/// would mix answers to different questions — and the form says so.
/// </summary>
public sealed class SurveyEditing(CchcDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The longest matrix prompt (<see cref="QuestionnaireQuestion.Group"/>).</summary>
    public const int MaxGroup = 300;
    public const string DateFormat = "dd/MM/yyyy";
    public const int MaxQuestions = 60;
    public const int MinStatements = 2, MaxStatements = 10;
    public const string Locked = "Khảo sát đã có người trả lời nên không thêm, sửa hay xóa được câu hỏi: các ý kiến đã gửi phải giữ nguyên câu hỏi đã hỏi. "
        + "Muốn đổi câu hỏi, hãy đóng khảo sát này và tạo khảo sát mới.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<SurveyListRow>> ListAsync(IReadOnlySet<int>? unitIds, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Where(s => unitIds == null || unitIds.Contains(s.UnitId)).OrderByDescending(s => s.OpensAt).ThenByDescending(s => s.Id)
            .Select(s => new SurveyListRow(s.Id, s.Slug, s.Title, s.Unit.Name, s.State, s.OpensAt, s.ClosesAt, db.SurveyResponses.Count(r => r.SurveyId == s.Id), s.IsSample))
            .ToListAsync(ct);

    public async Task<SurveyEditView?> FindAsync(int id, CancellationToken ct)
    {
        var s = await db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options)
            .SingleOrDefaultAsync(s => s.Id == id, ct);
        if (s is null)
            return null;
        var sections = s.Sections.ToDictionary(x => x.Id, x => x.Title);
        var questions = s.Questions.OrderBy(q => q.Order).Select((q, i) => new SurveyQuestionRow(q.Id, i + 1, q.SectionId is { } sid ? sections[sid] : "", q.Text, q.Kind,
            q.Required, q.IsIndicator, q.ShowIfQuestionId is not null, [.. q.Options.OrderBy(o => o.Order).Select(o => (o.Id, o.Text))]) { Group = q.Group }).ToList();
        return new SurveyEditView(s.Id, s.UnitId, s.Slug, s.State, s.IsSample, ToInput(s), questions, await ResponsesAsync(id, ct));
    }

    private static SurveyInput ToInput(Survey s) => new()
    {
        Title = s.Title, Intro = s.Intro, Audience = s.Audience.ToString(), AudienceNote = s.AudienceNote, OpensOn = VietnamTime.FormatDate(s.OpensAt),
        ClosesOn = SurveyDates.LastDay(s.ClosesAt), IsAnonymous = s.IsAnonymous,
        TargetPercent = s.TargetPercent?.ToString(CultureInfo.InvariantCulture), TargetLabel = s.TargetLabel,
    };

    /// <summary>A new draft survey of the unit from a template: its questions, its default target, open from today for thirty days once opened.</summary>
    public async Task<Outcome<int>> CreateAsync(int unitId, SurveyTemplate template, Actor actor, CancellationToken ct)
    {
        if (!Enum.IsDefined(template))
            return new Outcome<int>.Invalid("Template", "Vui lòng chọn một mẫu khảo sát.");
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
            return new Outcome<int>.NotFound("Không tìm thấy đơn vị.");
        var now = Now;
        var today = VietnamTime.DateOf(now);
        var title = SurveyTemplates.Title(template, unit.Name);
        var (target, label) = SurveyTemplates.Target(template);
        var survey = new Survey
        {
            UnitId = unitId, Slug = await FreeSlugAsync($"{unit.Slug}-{(template == SurveyTemplate.Satisfaction ? "hai-long" : "hieu-biet-cchc")}-{today.Year}", ct),
            Title = title.Length > 300 ? title[..300] : title, Intro = SurveyTemplates.Intro(template), Audience = SurveyAudience.Citizens,
            OpensAt = VietnamTime.StartOfDayUtc(today), ClosesAt = VietnamTime.StartOfDayUtc(today.AddDays(31)), State = SurveyState.Draft,
            TargetPercent = target, TargetLabel = label, CreatedAt = now, UpdatedAt = now,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        await SurveyTemplates.AddQuestionsAsync(db, survey, template, ct);
        audit.Record(actor, AuditActions.SurveySaved, $"Tạo khảo sát “{survey.Title}” từ mẫu {SurveyTemplates.Name(template)}.",
            nameof(Survey), survey.Id.ToString(CultureInfo.InvariantCulture), unitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(survey.Id);
    }

    /// <summary>Saves a survey's details. Whether it is anonymous is part of the promise to those who answered: fixed by the first response.</summary>
    public async Task<Outcome<int>> SaveAsync(int id, SurveyInput input, Actor actor, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
            return new Outcome<int>.NotFound("Không tìm thấy khảo sát.");
        var errors = new List<KeyValuePair<string, string>>();
        var title = Text(input.Title, "Title", "Tên khảo sát", 300, required: true, errors);
        var intro = Text(input.Intro, "Intro", "Lời giới thiệu", 4000, required: false, errors);
        var note = Text(input.AudienceNote, "AudienceNote", "Đơn vị được khảo sát", 500, required: false, errors);
        var label = Text(input.TargetLabel, "TargetLabel", "Nội dung chỉ tiêu", 300, required: false, errors);
        if (!Enum.TryParse<SurveyAudience>(input.Audience, out var audience) || !Enum.IsDefined(audience))
            errors.Add(new("Audience", "Vui lòng chọn đối tượng khảo sát."));
        else if (audience == SurveyAudience.CivilServants && note.Length == 0)
            errors.Add(new("AudienceNote", "Vui lòng ghi các đơn vị có công chức được khảo sát."));
        var opens = Day(input.OpensOn, "OpensOn", "Ngày mở", errors);
        var closes = Day(input.ClosesOn, "ClosesOn", "Ngày đóng", errors);
        if (opens is not null && closes is not null && closes < opens)
            errors.Add(new("ClosesOn", "Ngày đóng phải từ ngày mở trở đi."));
        int? target = null;
        if (!string.IsNullOrWhiteSpace(input.TargetPercent))
        {
            if (int.TryParse(input.TargetPercent.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 100)
                target = t;
            else
                errors.Add(new("TargetPercent", "Chỉ tiêu là số phần trăm nguyên từ 1 đến 100, ví dụ 95."));
        }
        var responses = await ResponsesAsync(id, ct);
        if (responses > 0 && input.IsAnonymous != survey.IsAnonymous)
            errors.Add(new("IsAnonymous", "Khảo sát đã có người trả lời nên không đổi được chế độ ẩn danh đã cam kết với họ."));
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);

        survey.Title = title;
        survey.Intro = intro;
        survey.Audience = audience;
        survey.AudienceNote = note;
        survey.OpensAt = VietnamTime.StartOfDayUtc(opens!.Value);
        survey.ClosesAt = VietnamTime.StartOfDayUtc(closes!.Value.AddDays(1));
        survey.IsAnonymous = input.IsAnonymous;
        survey.TargetPercent = target;
        survey.TargetLabel = label;
        survey.UpdatedAt = Now;
        audit.Record(actor, AuditActions.SurveySaved, $"Sửa khảo sát “{title}” ({input.OpensOn} – {input.ClosesOn}).",
            nameof(Survey), id.ToString(CultureInfo.InvariantCulture), survey.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(id);
    }

    public async Task<SurveyQuestionInput?> QuestionAsync(int surveyId, int questionId, CancellationToken ct)
    {
        var q = await db.SurveyQuestions.AsNoTracking().Include(q => q.Options).Include(q => q.Section)
            .SingleOrDefaultAsync(q => q.Id == questionId && q.SurveyId == surveyId, ct);
        if (q is null)
            return null;
        var options = q.Options.OrderBy(o => o.Order).ToList();
        return new SurveyQuestionInput
        {
            Section = q.Section?.Title, Text = q.Text, Kind = q.Kind.ToString(), Required = q.Required, IsIndicator = q.IsIndicator,
            Options = [.. options.Select(o => (string?)o.Text)], Meets = [.. options.Select((o, i) => (o, i)).Where(x => x.o.MeetsIndicator).Select(x => x.i)],
            LowLabel = q.LowLabel, HighLabel = q.HighLabel, ShowIf = q.ShownWhen is { } w ? $"{w.QuestionId}:{w.OptionId}" : null,
        };
    }

    /// <summary>Adds (<paramref name="questionId"/> null) or edits a question; refused once the survey has a response.</summary>
    public async Task<Outcome<int>> SaveQuestionAsync(int surveyId, int? questionId, SurveyQuestionInput input, Actor actor, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
            return new Outcome<int>.NotFound("Không tìm thấy khảo sát.");
        var question = questionId is null ? null : survey.Questions.SingleOrDefault(q => q.Id == questionId);
        if (questionId is not null && question is null)
            return new Outcome<int>.NotFound("Không tìm thấy câu hỏi.");
        if (await ResponsesAsync(surveyId, ct) > 0)
            return new Outcome<int>.Refused(Locked);

        var errors = new List<KeyValuePair<string, string>>();
        if (!Enum.TryParse<QuestionKind>(input.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Vui lòng chọn loại câu hỏi."));
            kind = QuestionKind.SingleChoice;
        }
        // Blank option boxes at the end of the form are boxes left unused, not empty options.
        var options = input.Options.Select(o => o?.Trim() ?? "").ToList();
        while (options.Count > 0 && options[^1].Length == 0)
            options.RemoveAt(options.Count - 1);
        foreach (var problem in QuestionnaireRules.Problems(kind, input.Text, options))
            errors.Add(new(problem.StartsWith("Câu hỏi", StringComparison.Ordinal) && !problem.Contains("phương án") ? "Text" : "Options", problem));
        if (options.Any(o => o.Length > 500))
            errors.Add(new("Options", "Mỗi phương án dài không quá 500 ký tự."));
        var section = Text(input.Section, "Section", "Tên phần", 300, required: false, errors);
        var low = Text(input.LowLabel, "LowLabel", "Nhãn mức 1", 100, required: false, errors);
        var high = Text(input.HighLabel, "HighLabel", "Nhãn mức 5", 100, required: false, errors);
        var meets = input.Meets.Distinct().Where(i => i >= 0 && i < options.Count).ToHashSet();
        if (input.IsIndicator && kind.HasOptions() && meets.Count == 0)
            errors.Add(new("Meets", "Câu hỏi tính vào chỉ số cần đánh dấu ít nhất một phương án đạt."));
        if (input.IsIndicator && !kind.HasOptions() && kind != QuestionKind.Scale)
            errors.Add(new("IsIndicator", "Chỉ câu hỏi lựa chọn hoặc thang điểm 1–5 mới tính vào chỉ số."));
        QuestionCondition? condition = null;
        if (!string.IsNullOrWhiteSpace(input.ShowIf))
        {
            var parts = input.ShowIf.Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], out var q) && int.TryParse(parts[1], out var o))
                condition = new QuestionCondition(q, o);
            else
                errors.Add(new("ShowIf", "Điều kiện hiển thị không hợp lệ."));
        }
        var ordered = survey.Questions.OrderBy(q => q.Order).ToList();
        if (question is null && ordered.Count >= MaxQuestions)
            errors.Add(new("", $"Một khảo sát có tối đa {MaxQuestions} câu hỏi."));
        if (condition is not null)
        {
            // The condition is checked where the question stands: among the questions before it.
            var before = ordered.TakeWhile(q => q != question).Select(q => q.ToAnswerable()).ToList();
            before.Add(new AnswerableQuestion(0, kind, input.Required, new HashSet<int>(), condition));
            if (QuestionnaireAnswers.ConditionProblem(before, before.Count - 1) is { } problem)
                errors.Add(new("ShowIf", problem));
        }
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);

        if (question is null)
        {
            question = new SurveyQuestion { Order = (ordered.LastOrDefault()?.Order ?? 0) + 1 };
            survey.Questions.Add(question);
        }
        question.Text = input.Text!.Trim();
        question.Kind = kind;
        question.Required = input.Required;
        question.IsIndicator = input.IsIndicator;
        question.LowLabel = kind == QuestionKind.Scale ? low : "";
        question.HighLabel = kind == QuestionKind.Scale ? high : "";
        // A matrix row is a scale; a statement turned into another kind leaves its matrix.
        question.Group = kind == QuestionKind.Scale ? question.Group : null;
        (question.ShowIfQuestionId, question.ShowIfOptionId) = (condition?.QuestionId, condition?.OptionId);
        question.Section = section.Length == 0 ? null : survey.Sections.FirstOrDefault(s => s.Title == section) ?? NewSection(survey, section);
        var existing = question.Options.OrderBy(o => o.Order).ToList();
        for (var i = 0; i < options.Count; i++)
        {
            var option = i < existing.Count ? existing[i] : new SurveyOption();
            if (i >= existing.Count)
                question.Options.Add(option);
            (option.Text, option.Order, option.MeetsIndicator) = (options[i], i + 1, input.IsIndicator && meets.Contains(i));
        }
        foreach (var extra in existing.Skip(options.Count))
            question.Options.Remove(extra);
        // A later question shown after an option that is gone is shown always rather than never.
        var kept = question.Options.Select(o => o.Id).ToHashSet();
        foreach (var dependent in survey.Questions.Where(q => q.ShowIfQuestionId == question.Id && q.ShowIfOptionId is { } o && !kept.Contains(o)))
            (dependent.ShowIfQuestionId, dependent.ShowIfOptionId) = (null, null);
        survey.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.SurveyQuestionSaved, $"{(questionId is null ? "Thêm" : "Sửa")} câu hỏi “{question.Text}” của khảo sát “{survey.Title}”.",
            nameof(SurveyQuestion), question.Id.ToString(CultureInfo.InvariantCulture), survey.UnitId);
        await RemoveEmptySectionsAsync(survey, ct);
        return new Outcome<int>.Ok(question.Id);
    }

    /// <summary>
    /// Adds a matrix at the end of the survey: one scale question per statement, in the order typed, sharing the prompt as
    /// their group, the end labels, the section and whether they are required and count toward the indicator. Refused once
    /// the survey has a response.
    /// </summary>
    public async Task<Outcome<int>> AddMatrixAsync(int surveyId, SurveyMatrixInput input, Actor actor, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Sections).Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
            return new Outcome<int>.NotFound("Không tìm thấy khảo sát.");
        if (await ResponsesAsync(surveyId, ct) > 0)
            return new Outcome<int>.Refused(Locked);

        var errors = new List<KeyValuePair<string, string>>();
        var section = Text(input.Section, "Section", "Tên phần", 300, required: false, errors);
        var prompt = Text(input.Prompt, "Prompt", "Câu hỏi chung của ma trận", MaxGroup, required: true, errors);
        var low = Text(input.LowLabel, "LowLabel", "Nhãn mức 1", 100, required: false, errors);
        var high = Text(input.HighLabel, "HighLabel", "Nhãn mức 5", 100, required: false, errors);
        var statements = (input.Statements ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        if (statements.Count is < MinStatements or > MaxStatements)
            errors.Add(new("Statements", $"Ma trận cần từ {MinStatements} đến {MaxStatements} nội dung đánh giá, mỗi nội dung một dòng."));
        else if (statements.FirstOrDefault(line => line.Length > QuestionnaireRules.MaxTextLength) is not null)
            errors.Add(new("Statements", $"Mỗi nội dung đánh giá dài không quá {QuestionnaireRules.MaxTextLength} ký tự."));
        else if (statements.Distinct(StringComparer.OrdinalIgnoreCase).Count() != statements.Count)
            errors.Add(new("Statements", "Hai nội dung đánh giá trùng nhau."));
        if (survey.Questions.Count + statements.Count > MaxQuestions)
            errors.Add(new("", $"Một khảo sát có tối đa {MaxQuestions} câu hỏi; mỗi nội dung của ma trận là một câu."));
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);

        var place = section.Length == 0 ? null : survey.Sections.FirstOrDefault(s => s.Title == section) ?? NewSection(survey, section);
        var order = survey.Questions.Select(q => q.Order).DefaultIfEmpty().Max();
        var rows = statements.Select(text => new SurveyQuestion
        {
            Text = text, Kind = QuestionKind.Scale, Order = ++order, Required = input.Required, IsIndicator = input.IsIndicator, Group = prompt,
            LowLabel = low, HighLabel = high, Section = place,
        }).ToList();
        survey.Questions.AddRange(rows);
        survey.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.SurveyQuestionSaved, $"Thêm ma trận “{prompt}” ({rows.Count} nội dung) vào khảo sát “{survey.Title}”.",
            nameof(SurveyQuestion), rows[0].Id.ToString(CultureInfo.InvariantCulture), survey.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(rows[0].Id);
    }

    /// <summary>
    /// Publishes (or withdraws) one free-text answer after an officer has read it: once the survey's results are published,
    /// the public page shows it as plain text, alone, never with who wrote it. Only text answers can be published.
    /// </summary>
    public async Task<Outcome<bool>> PublishTextAsync(int surveyId, int responseId, int questionId, bool publish, Actor actor, CancellationToken ct)
    {
        var answer = await db.SurveyAnswers
            .SingleOrDefaultAsync(a => a.ResponseId == responseId && a.QuestionId == questionId && db.SurveyResponses.Any(r => r.Id == responseId && r.SurveyId == surveyId), ct);
        var question = answer is null ? null : await db.SurveyQuestions.AsNoTracking().SingleAsync(q => q.Id == questionId, ct);
        if (answer is null || question!.Kind is not (QuestionKind.ShortText or QuestionKind.LongText) || string.IsNullOrWhiteSpace(answer.Text))
            return new Outcome<bool>.NotFound("Không tìm thấy ý kiến.");
        if (answer.IsPublished == publish)
            return new Outcome<bool>.Ok(publish);
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == surveyId, ct);
        answer.IsPublished = publish;
        var excerpt = answer.Text.Length > 80 ? answer.Text[..80] + "…" : answer.Text;
        audit.Record(actor, AuditActions.SurveyTextPublished, $"{(publish ? "Công bố" : "Bỏ công bố")} ý kiến “{excerpt}” (câu “{question.Text}”) của khảo sát “{survey.Title}”.",
            nameof(SurveyAnswer), $"{responseId}:{questionId}", survey.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<bool>.Ok(publish);
    }

    /// <summary>Deletes a question of a survey no one has answered, and the conditions that pointed to it.</summary>
    public async Task<Outcome<bool>> DeleteQuestionAsync(int surveyId, int questionId, Actor actor, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        var question = survey?.Questions.SingleOrDefault(q => q.Id == questionId);
        if (survey is null || question is null)
            return new Outcome<bool>.NotFound("Không tìm thấy câu hỏi.");
        if (await ResponsesAsync(surveyId, ct) > 0)
            return new Outcome<bool>.Refused(Locked);
        foreach (var dependent in survey.Questions.Where(q => q.ShowIfQuestionId == questionId))
            (dependent.ShowIfQuestionId, dependent.ShowIfOptionId) = (null, null);
        survey.Questions.Remove(question);
        db.SurveyQuestions.Remove(question);
        survey.UpdatedAt = Now;
        audit.Record(actor, AuditActions.SurveyQuestionSaved, $"Xóa câu hỏi “{question.Text}” của khảo sát “{survey.Title}”.",
            nameof(SurveyQuestion), questionId.ToString(CultureInfo.InvariantCulture), survey.UnitId);
        await db.SaveChangesAsync(ct);
        await RemoveEmptySectionsAsync(survey, ct);
        return new Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Moves a survey along its life: a draft or closed survey opens (with questions), an open one closes, a closed one's
    /// results are published or withdrawn. Anything else is refused with the reason.
    /// </summary>
    public async Task<Outcome<SurveyState>> ChangeStateAsync(int surveyId, SurveyState to, Actor actor, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
            return new Outcome<SurveyState>.NotFound("Không tìm thấy khảo sát.");
        var from = survey.State;
        string? refusal = (from, to) switch
        {
            (SurveyState.Draft or SurveyState.Closed, SurveyState.Open) when survey.Questions.Count == 0 => "Khảo sát chưa có câu hỏi nên chưa mở được.",
            (SurveyState.Draft or SurveyState.Closed, SurveyState.Open) when survey.ClosesAt <= Now => "Ngày đóng đã qua; hãy sửa ngày đóng trước khi mở lại.",
            (SurveyState.Draft or SurveyState.Closed, SurveyState.Open) => null,
            (SurveyState.Open, SurveyState.Closed) => null,
            (SurveyState.Published, SurveyState.Closed) => null,
            (SurveyState.Closed, SurveyState.Published) => null,
            (SurveyState.Open, SurveyState.Published) => "Hãy đóng khảo sát trước khi công bố kết quả.",
            _ => "Không thực hiện được thao tác này với khảo sát ở trạng thái hiện tại.",
        };
        if (refusal is not null)
            return new Outcome<SurveyState>.Refused(refusal);
        survey.State = to;
        survey.UpdatedAt = Now;
        audit.Record(actor, AuditActions.SurveyStateChanged, $"Khảo sát “{survey.Title}”: {StateName(from)} → {StateName(to)}.",
            nameof(Survey), surveyId.ToString(CultureInfo.InvariantCulture), survey.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<SurveyState>.Ok(to);
    }

    public static string StateName(SurveyState state) => state switch
    {
        SurveyState.Draft => "Bản nháp",
        SurveyState.Open => "Đang mở",
        SurveyState.Closed => "Đã đóng",
        _ => "Đã công bố kết quả",
    };

    public static string AudienceName(SurveyAudience audience) => audience switch
    {
        SurveyAudience.Citizens => "Người dân, tổ chức",
        SurveyAudience.CivilServants => "Công chức các đơn vị",
        _ => "Mọi người",
    };

    public static string KindName(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "Chọn một",
        QuestionKind.MultipleChoice => "Chọn nhiều",
        QuestionKind.Scale => "Thang điểm 1–5",
        QuestionKind.Number => "Số",
        QuestionKind.ShortText => "Trả lời ngắn",
        _ => "Trả lời dài",
    };

    private Task<int> ResponsesAsync(int surveyId, CancellationToken ct) => db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, ct);

    private static SurveySection NewSection(Survey survey, string title)
    {
        var section = new SurveySection { Title = title, Order = survey.Sections.Select(s => s.Order).DefaultIfEmpty().Max() + 1 };
        survey.Sections.Add(section);
        return section;
    }

    private async Task RemoveEmptySectionsAsync(Survey survey, CancellationToken ct)
    {
        foreach (var empty in survey.Sections.Where(s => survey.Questions.All(q => q.SectionId != s.Id && q.Section != s)).ToList())
            db.SurveySections.Remove(empty);
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> FreeSlugAsync(string root, CancellationToken ct)
    {
        var taken = await db.Surveys.Where(s => s.Slug == root || s.Slug.StartsWith(root + "-")).Select(s => s.Slug).ToListAsync(ct);
        var slug = root;
        for (var n = 2; taken.Contains(slug); n++)
            slug = $"{root}-{n}";
        return slug;
    }

    private static string Text(string? value, string field, string name, int max, bool required, List<KeyValuePair<string, string>> errors)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
            errors.Add(new(field, $"Vui lòng nhập {char.ToLowerInvariant(name[0])}{name[1..]}."));
        else if (text.Length > max)
            errors.Add(new(field, $"{name} dài quá {max} ký tự."));
        return text;
    }

    private static DateOnly? Day(string? text, string field, string name, List<KeyValuePair<string, string>> errors)
    {
        if (VietnameseDate.ParseDate(text).Value is { Year: >= 2000 and <= 2100 } day)
            return day;
        errors.Add(new(field, $"{name} ghi theo dạng ngày/tháng/năm, ví dụ 05/01/2027."));
        return null;
    }
}
