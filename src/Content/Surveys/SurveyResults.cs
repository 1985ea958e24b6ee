using System.Globalization;
using CchcSite.Content.Data;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Surveys;

/// <summary>An option's count among those who answered its question, and its share in percent (one decimal).</summary>
public sealed record OptionResult(string Text, int Count, double Percent);

/// <summary>A free-text answer: which response it belongs to (for the officers' publish button) and whether it is published.</summary>
public sealed record SurveyText([property: System.Text.Json.Serialization.JsonIgnore] int ResponseId, string Text, bool IsPublished);

/// <summary>
/// One question's figures: the respondents who answered it; for a choice its options; for a scale its distribution and
/// mean; for a number its mean; for text the answers themselves (<see cref="Texts"/>): all of them where officers read
/// them, elsewhere only those an officer has published.
/// </summary>
public sealed record QuestionResult(int Id, int Number, string Section, string Text, QuestionKind Kind, bool IsIndicator, int Answered,
    IReadOnlyList<OptionResult> Options, ScaleSummary? Scale, decimal? Mean, string LowLabel, string HighLabel, IReadOnlyList<SurveyText> Texts)
{
    /// <summary>The prompt of the matrix this statement is a row of; null for a question on its own.</summary>
    public string? Group { get; init; }
}

/// <summary>The share of respondents meeting the indicator with its Wilson interval, and the plan target it is read against.</summary>
public sealed record IndicatorResult(Proportion Share, int? TargetPercent, string TargetLabel)
{
    /// <summary>True when the whole interval is at or above the target, false when below it, null when the figures cannot tell (or there is no target).</summary>
    public bool? Reached => TargetPercent is { } target ? SurveyStatistics.TargetReached(Share, target) : null;

    public string Verdict => Reached switch
    {
        true => "Đạt chỉ tiêu",
        false => "Chưa đạt chỉ tiêu",
        _ when TargetPercent is null => "",
        _ => "Chưa đủ căn cứ kết luận (khoảng tin cậy chứa chỉ tiêu)",
    };
}

public sealed record DayCount(DateOnly Day, int Responses);

/// <summary>A survey's results, the same for the officers' page, the public page once published, the exports and the API.</summary>
public sealed record SurveyResultsView(int SurveyId, int UnitId, string UnitSlug, string UnitName, string Slug, string Title, SurveyState State,
    bool IsSample, DateTime OpensAt, DateTime ClosesAt, int Responses, IndicatorResult? Indicator, IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<DayCount> PerDay)
{
    /// <summary>For officers only (null on the public page and in the API): each choice and scale question split by who answered.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AudienceSplit? ByAudience { get; init; }
}

/// <summary>
/// The cross-tabulation by audience. Who answered is what the survey's first question records when it is a single choice
/// ("Ông/Bà là": người dân, tổ chức, công chức): the templates ask it first, and a response stores nothing else about its
/// respondent. <see cref="Groups"/> are that question's options; <see cref="Tables"/> by question id.
/// </summary>
public sealed record AudienceSplit(int QuestionNumber, string Question, IReadOnlyList<string> Groups, IReadOnlyDictionary<int, AudienceTable> Tables);

/// <summary>One question split by group: how many of each group answered it, and each option's or level's count per group.</summary>
public sealed record AudienceTable(IReadOnlyList<int> Answered, IReadOnlyList<AudienceRow> Rows);

public sealed record AudienceRow(string Label, IReadOnlyList<int> Counts);

/// <summary>The responses themselves as one table for officers (<see cref="SurveyResults.ResponsesAsync"/>): a row per response, a column per question.</summary>
public sealed record SurveyResponsesTable(int UnitId, string Slug, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>The public results page of a survey whose unit has published them.</summary>
public sealed record SurveyResultsPage(SurveyResultsView Results)
    : SitePage($"Kết quả: {Results.Title}", [new("Trang chủ", "/"), new(Results.Title, SurveyAddresses.Survey(Results.Slug)), new("Kết quả", null)]);

/// <summary>
/// Reads a survey's responses into figures with <see cref="SurveyStatistics"/>: counts and shares per option (of those who
/// answered the question), the distribution and mean of each scale, and the share meeting the indicator against the target.
/// Free text is read in full only for officers (<c>withTexts</c>); the public side gets only the answers an officer published
/// one by one, as text alone, never a response.
/// </summary>
public sealed class SurveyResults(CchcDbContext db)
{
    /// <summary>The export's columns: one row per figure the page shows.</summary>
    public static readonly IReadOnlyList<string> ExportColumns = ["Câu", "Câu hỏi", "Phương án, mức", "Số ý kiến", "Tỷ lệ (%)"];

    public async Task<SurveyResultsView?> ReadAsync(int surveyId, bool withTexts, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Unit).Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options)
            .SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
            return null;
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == surveyId))
            .Select(a => new { a.ResponseId, a.QuestionId, a.Chosen, a.Number, a.Text, a.IsPublished }).ToListAsync(ct);
        var days = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId).GroupBy(r => r.Day)
            .Select(g => new DayCount(g.Key, g.Count())).ToListAsync(ct);
        var byQuestion = answers.ToLookup(a => a.QuestionId);
        var sections = survey.Sections.ToDictionary(s => s.Id, s => s.Title);
        var questions = survey.Questions.OrderBy(q => q.Order).ToList();

        var results = new List<QuestionResult>();
        foreach (var (question, i) in questions.Select((q, i) => (q, i + 1)))
        {
            var given = byQuestion[question.Id].ToList();
            var options = question.Options.OrderBy(o => o.Order).ToList();
            var chosen = given.Select(a => ParseIds(a.Chosen)).ToList();
            var optionResults = question.Kind.HasOptions()
                ? options.Select(o => chosen.Count(c => c.Contains(o.Id))).Select((count, j) => new OptionResult(options[j].Text, count, SurveyStatistics.Percent(count, given.Count))).ToList()
                : [];
            var numbers = given.Where(a => a.Number is not null).Select(a => a.Number!.Value).ToList();
            var scale = question.Kind == QuestionKind.Scale ? SurveyStatistics.Scale(numbers.Select(n => (int)n)) : null;
            decimal? mean = question.Kind == QuestionKind.Number && numbers.Count > 0 ? Math.Round(numbers.Average(), 2, MidpointRounding.AwayFromZero) : null;
            // In the order of the responses' content, never of arrival (which an anonymous survey does not promise to keep).
            var texts = given.Where(a => !string.IsNullOrWhiteSpace(a.Text) && (withTexts || a.IsPublished))
                .Select(a => new SurveyText(a.ResponseId, a.Text!, a.IsPublished)).OrderBy(t => t.Text, StringComparer.Ordinal).ToList();
            results.Add(new QuestionResult(question.Id, i, question.SectionId is { } s ? sections[s] : "", question.Text, question.Kind, question.IsIndicator,
                given.Count, optionResults, scale, scale?.Mean is { } m ? (decimal)m : mean, question.LowLabel, question.HighLabel, texts) { Group = question.Group });
        }

        IndicatorResult? indicator = null;
        var indicatorQuestions = questions.Where(q => q.IsIndicator).ToDictionary(q => q.Id);
        if (indicatorQuestions.Count > 0)
        {
            var meets = answers.Where(a => indicatorQuestions.ContainsKey(a.QuestionId)).GroupBy(a => a.ResponseId)
                .Select(g => SurveyStatistics.MeetsIndicator(g.Select(a => Met(indicatorQuestions[a.QuestionId], a.Chosen, a.Number))))
                .Where(m => m is not null).ToList();
            indicator = new IndicatorResult(SurveyStatistics.Wilson(meets.Count(m => m == true), meets.Count), survey.TargetPercent, survey.TargetLabel);
        }
        return new SurveyResultsView(survey.Id, survey.UnitId, survey.Unit.Slug, survey.Unit.Name, survey.Slug, survey.Title, survey.State, survey.IsSample,
            survey.OpensAt, survey.ClosesAt, days.Sum(d => d.Responses), indicator, results, [.. days.OrderBy(d => d.Day)])
        {
            ByAudience = withTexts ? SplitByAudience(questions, [.. answers.Select(a => (a.ResponseId, a.QuestionId, a.Chosen, a.Number))]) : null,
        };
    }

    private static AudienceSplit? SplitByAudience(List<SurveyQuestion> questions, List<(int ResponseId, int QuestionId, string Chosen, decimal? Number)> answers)
    {
        if (questions.FirstOrDefault() is not { Kind: QuestionKind.SingleChoice } by)
            return null;
        var groups = by.Options.OrderBy(o => o.Order).ToList();
        var groupOf = answers.Where(a => a.QuestionId == by.Id).Select(a => (a.ResponseId, Index: groups.FindIndex(o => ParseIds(a.Chosen).Contains(o.Id))))
            .Where(a => a.Index >= 0).ToDictionary(a => a.ResponseId, a => a.Index);
        var byQuestion = answers.Where(a => groupOf.ContainsKey(a.ResponseId)).ToLookup(a => a.QuestionId);
        var tables = new Dictionary<int, AudienceTable>();
        foreach (var question in questions.Skip(1).Where(q => q.Kind.HasOptions() || q.Kind == QuestionKind.Scale))
        {
            var given = byQuestion[question.Id].ToList();
            int[] Counts(Func<(int ResponseId, int QuestionId, string Chosen, decimal? Number), bool> chose) =>
                [.. groups.Select((_, g) => given.Count(a => groupOf[a.ResponseId] == g && chose(a)))];
            var rows = question.Kind.HasOptions()
                ? question.Options.OrderBy(o => o.Order).Select(o => new AudienceRow(o.Text, Counts(a => ParseIds(a.Chosen).Contains(o.Id))))
                : Enumerable.Range(QuestionnaireAnswers.ScaleMin, QuestionnaireAnswers.ScaleMax - QuestionnaireAnswers.ScaleMin + 1)
                    .Select(level => new AudienceRow($"Mức {level}", Counts(a => a.Number == level)));
            tables[question.Id] = new AudienceTable(Counts(_ => true), [.. rows]);
        }
        return new AudienceSplit(1, by.Text, [.. groups.Select(o => o.Text)], tables);
    }

    /// <summary>The published results of a survey, by its address; null unless its unit has published them.</summary>
    public async Task<SurveyResultsView?> PublishedAsync(string slug, CancellationToken ct)
    {
        var id = await db.Surveys.Where(s => s.Slug == slug && s.State == SurveyState.Published).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        return id is null ? null : await ReadAsync(id.Value, withTexts: false, ct);
    }

    /// <summary>The rows of the export, the page's figures in the page's order: the indicator, then each option or level of each question.</summary>
    public static IEnumerable<IReadOnlyList<string?>> ExportRows(SurveyResultsView results)
    {
        static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        yield return ["", "Số phiếu trả lời", "", results.Responses.ToString(CultureInfo.InvariantCulture), ""];
        if (results.Indicator is { } indicator)
        {
            yield return ["", "Tỷ lệ đạt chỉ số", "", indicator.Share.Count.ToString(CultureInfo.InvariantCulture),
                Number(SurveyStatistics.Percent(indicator.Share.Count, indicator.Share.Total))];
            yield return ["", "Khoảng tin cậy 95% (Wilson)", "", "", $"{Number(100 * indicator.Share.Low)} – {Number(100 * indicator.Share.High)}"];
            if (indicator.TargetPercent is { } target)
                yield return ["", "Chỉ tiêu", indicator.TargetLabel, "", $"{target} — {indicator.Verdict}"];
        }
        foreach (var q in results.Questions)
        {
            var number = q.Number.ToString(CultureInfo.InvariantCulture);
            yield return [number, q.Text, "Số người trả lời", q.Answered.ToString(CultureInfo.InvariantCulture), ""];
            foreach (var option in q.Options)
                yield return [number, q.Text, option.Text, option.Count.ToString(CultureInfo.InvariantCulture), Number(option.Percent)];
            if (q.Scale is { } scale)
            {
                for (var level = 1; level <= 5; level++)
                    yield return [number, q.Text, $"Mức {level}", scale.Counts[level - 1].ToString(CultureInfo.InvariantCulture),
                        Number(SurveyStatistics.Percent(scale.Counts[level - 1], scale.Total))];
            }
            if (q.Mean is { } mean)
                yield return [number, q.Text, "Điểm trung bình", "", mean.ToString("0.00", CultureInfo.InvariantCulture)];
        }
    }

    /// <summary>
    /// Every response of a survey, for its officers to read or analyse elsewhere: the day (dd/mm/yyyy), the name only when the
    /// survey is not anonymous, then one column per question (a matrix statement is its own question) holding the chosen
    /// options' texts, the rating, the number or the free text. Rows run by day and, within a day, by their content, never by
    /// arrival: an anonymous survey promises nothing finer than the day, and the order of storing would be finer.
    /// </summary>
    public async Task<SurveyResponsesTable?> ResponsesAsync(int surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Questions).ThenInclude(q => q.Options)
            .SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
            return null;
        var questions = survey.Questions.OrderBy(q => q.Order).ToList();
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId)
            .Select(r => new { r.Id, r.Day, r.RespondentName }).ToListAsync(ct);
        var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == surveyId))
            .Select(a => new { a.ResponseId, a.QuestionId, a.Chosen, a.Number, a.Text }).ToListAsync(ct)).ToLookup(a => a.ResponseId);

        var named = !survey.IsAnonymous;
        List<string> columns = ["Phiếu số", "Ngày gửi", .. named ? ["Họ và tên"] : Array.Empty<string>(),
            .. questions.Select((q, i) => $"Câu {i + 1}. {(q.Group is { Length: > 0 } group ? group + " – " : "")}{q.Text}")];
        var cells = responses.Select(r =>
        {
            var given = answers[r.Id].ToDictionary(a => a.QuestionId);
            var row = questions.Select(q => given.TryGetValue(q.Id, out var a) ? Cell(q, a.Chosen, a.Number, a.Text) : "").ToList();
            return (r.Day, Name: named ? r.RespondentName ?? "" : null, Row: row);
        }).OrderBy(r => r.Day).ThenBy(r => string.Join("\u001f", r.Row.Prepend(r.Name ?? "")), StringComparer.Ordinal).ToList();
        var rows = cells.Select((r, i) => (IReadOnlyList<string?>)[(i + 1).ToString(CultureInfo.InvariantCulture), VietnamTime.FormatDate(r.Day),
            .. named ? [r.Name] : Array.Empty<string?>(), .. r.Row]).ToList();
        return new SurveyResponsesTable(survey.UnitId, survey.Slug, columns, rows);
    }

    /// <summary>One answer as the respondent saw it: option texts (in the options' order, "; " between), a rating or number, or the text.</summary>
    private static string Cell(SurveyQuestion question, string chosen, decimal? number, string? text)
    {
        if (question.Kind.HasOptions())
        {
            var ids = ParseIds(chosen);
            return string.Join("; ", question.Options.OrderBy(o => o.Order).Where(o => ids.Contains(o.Id)).Select(o => o.Text));
        }
        return number is { } n ? n.ToString("0.##", CultureInfo.InvariantCulture) : text ?? "";
    }

    private static bool Met(SurveyQuestion question, string chosen, decimal? number) =>
        question.Kind.HasOptions()
            ? ParseIds(chosen).Any(id => question.Options.Any(o => o.Id == id && o.MeetsIndicator))
            : number is { } n && SurveyStatistics.ScaleMeets(n);

    private static int[] ParseIds(string chosen) =>
        [.. chosen.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
