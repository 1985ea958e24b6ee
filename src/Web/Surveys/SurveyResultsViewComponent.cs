using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using CchcSite.Content.Text;
using CchcSite.Web.Charts;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Surveys;

/// <summary>
/// A question's figures drawn: a chart (with its data table) for each choice and scale question; for a matrix, its
/// <see cref="Statements"/> (the first is <see cref="Question"/>) as one stacked bar chart.
/// </summary>
public sealed record SurveyQuestionFigure(QuestionResult Question, ChartFigure? Figure)
{
    /// <summary>The statements of the matrix, in order; empty for a question on its own.</summary>
    public IReadOnlyList<QuestionResult> Statements { get; init; } = [];
}

/// <summary>
/// What the results partial draws: the survey's figures, the responses over time (officers only), and whether the officers'
/// free-text answers are shown.
/// </summary>
public sealed record SurveyResultsFigures(SurveyResultsView Results, IReadOnlyList<SurveyQuestionFigure> Questions, ChartFigure? OverTime, bool ForOfficers)
{
    /// <summary>Where an officer publishes or withdraws one free-text answer (SurveysAdminController.PublishText).</summary>
    public string PublishAction(int responseId, int questionId) => $"{Editor.SurveysAdminController.Base}/{Results.SurveyId}/y-kien/{responseId}/{questionId}";
}

/// <summary>A period of the responses-over-time chart (a day, a week or a month) and the responses it received.</summary>
public sealed record ResponsePeriod(string Label, int Responses);

/// <summary>
/// The results of a survey as the officers' page and the public page both show them (<c>Component.InvokeAsync("SurveyResults", …)</c>):
/// the indicator against the target, then each question with a bar chart of its options or levels, in percent of those who
/// answered it, and the counts in the data table.
/// </summary>
public sealed class SurveyResultsViewComponent : ViewComponent
{
    public const string ViewName = "/Surveys/_SurveyResults.cshtml";

    public IViewComponentResult Invoke(SurveyResultsView results, bool forOfficers) =>
        View(ViewName, new SurveyResultsFigures(results, Figures(results.Questions),
            // Only officers see when responses came: on a small survey a published count per day could point at a person.
            forOfficers ? OverTimeFigure(results.PerDay) : null, forOfficers));

    /// <summary>Up to this many days a bar per day; up to this many weeks a bar per week; beyond, a bar per month (a bar is 40 px high).</summary>
    public const int MaxDays = 14, MaxWeeks = 26;

    /// <summary>
    /// The responses from the first day that has one to the last, every day counted (none is a day too): per day, or per
    /// week (seven days from the first) or per month when there are too many days to read as bars.
    /// </summary>
    public static IReadOnlyList<ResponsePeriod> Periods(IReadOnlyList<DayCount> perDay)
    {
        if (perDay.Count == 0)
            return [];
        var counts = perDay.ToDictionary(d => d.Day, d => d.Responses);
        var (first, last) = (perDay.Min(d => d.Day), perDay.Max(d => d.Day));
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        int Sum(IEnumerable<DateOnly> period) => period.Sum(d => counts.GetValueOrDefault(d));
        if (days.Count <= MaxDays)
            return [.. days.Select(d => new ResponsePeriod(VietnamTime.FormatDate(d), counts.GetValueOrDefault(d)))];
        if (days.Count <= MaxWeeks * 7)
            return [.. days.Chunk(7).Select(w => new ResponsePeriod($"{w[0]:dd/MM} – {VietnamTime.FormatDate(w[^1])}", Sum(w)))];
        return [.. days.GroupBy(d => (d.Year, d.Month)).Select(m => new ResponsePeriod($"Tháng {m.Key.Month:00}/{m.Key.Year}", Sum(m)))];
    }

    public static ChartFigure? OverTimeFigure(IReadOnlyList<DayCount> perDay)
    {
        var periods = Periods(perDay);
        if (periods.Count == 0)
            return null;
        var span = perDay.Max(d => d.Day).DayNumber - perDay.Min(d => d.Day).DayNumber + 1;
        var (period, each) = span <= MaxDays ? ("ngày", "ngày") : span <= MaxWeeks * 7 ? ("tuần", "tuần (bảy ngày, kể từ ngày có phiếu đầu tiên)") : ("tháng", "tháng");
        var chart = new Chart($"Số phiếu trả lời theo {period}",
            $"Biểu đồ thanh ngang: số phiếu trả lời nhận được mỗi {each}, từ ngày có phiếu đầu tiên đến ngày có phiếu gần nhất.",
            [.. periods.Select(p => new ChartValue(p.Label, p.Responses))])
        {
            ValueUnit = "phiếu", NumberFormat = "0", Id = "bd-theo-thoi-gian", LabelHeader = char.ToUpperInvariant(period[0]) + period[1..], ValueHeader = "Số phiếu",
        };
        return ChartFigure.Of(chart, ChartKind.HorizontalBars);
    }

    /// <summary>Each question with its chart, the consecutive statements of a matrix (same section, same prompt) together as one.</summary>
    public static IReadOnlyList<SurveyQuestionFigure> Figures(IReadOnlyList<QuestionResult> questions) =>
        [.. SurveyMatrices.Runs(questions, q => q.Group is { } group ? $"{q.Section}\u001f{group}" : null).Select(run => run.Count > 1
            ? new SurveyQuestionFigure(run[0], MatrixFigure(run)) { Statements = run }
            : new SurveyQuestionFigure(run[0], FigureOf(run[0])))];

    /// <summary>A matrix as stacked bars: a bar per statement split by level, in percent of those who answered the statement.</summary>
    public static ChartFigure MatrixFigure(IReadOnlyList<QuestionResult> statements)
    {
        var first = statements[0];
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        var values = statements.Select(q => new ChartValue($"Câu {q.Number}. {q.Text}", null,
            $"{q.Answered} người trả lời{(q.Mean is { } mean ? $", điểm trung bình {mean.ToString("0.00", vi)}" : "")}")
        {
            // A statement is a scale question, so it has its distribution.
            Parts = [.. q.Scale!.Counts.Select(count => (decimal)SurveyStatistics.Percent(count, q.Scale.Total))],
            PartNotes = [.. q.Scale.Counts.Select(count => $"{count} ý kiến")],
        }).ToList();
        var chart = new Chart($"Câu {first.Number}–{statements[^1].Number}: {first.Group}",
            $"Biểu đồ thanh chồng: mỗi nội dung một thanh, chia theo tỷ lệ phần trăm người trả lời chọn từng mức từ 1 ({first.LowLabel}) đến 5 ({first.HighLabel}).", values)
        {
            Max = 100, ValueUnit = "%", NumberFormat = "0.0", Id = $"bd-ma-tran-{first.Id}", LabelHeader = "Nội dung", NoteHeader = "Số người, điểm trung bình",
            Series = [.. Enumerable.Range(1, 5).Select(level => LevelLabel(first, level))],
        };
        return ChartFigure.Of(chart, ChartKind.StackedBars);
    }

    public static ChartFigure? FigureOf(QuestionResult question)
    {
        IReadOnlyList<ChartValue>? values = question.Kind switch
        {
            _ when question.Kind.HasOptions() => [.. question.Options.Select(o => new ChartValue(o.Text, (decimal)o.Percent, $"{o.Count} ý kiến"))],
            QuestionKind.Scale when question.Scale is { } scale => [.. scale.Counts.Select((count, i) => new ChartValue(LevelLabel(question, i + 1),
                (decimal)SurveyStatistics.Percent(count, scale.Total), $"{count} ý kiến"))],
            _ => null,
        };
        if (values is null)
            return null;
        var chart = new Chart($"Câu {question.Number}: {question.Text}",
            $"Biểu đồ thanh ngang: tỷ lệ phần trăm của mỗi {(question.Kind == QuestionKind.Scale ? "mức" : "phương án")} trong {question.Answered} người trả lời câu này.", values)
        {
            Max = 100, ValueUnit = "%", NumberFormat = "0.0", Id = $"bd-cau-{question.Id}",
            LabelHeader = question.Kind == QuestionKind.Scale ? "Mức" : "Phương án", ValueHeader = "Tỷ lệ", NoteHeader = "Số ý kiến",
        };
        return ChartFigure.Of(chart, ChartKind.HorizontalBars);
    }

    private static string LevelLabel(QuestionResult question, int level) => level switch
    {
        1 when question.LowLabel.Length > 0 => $"1 – {question.LowLabel}",
        5 when question.HighLabel.Length > 0 => $"5 – {question.HighLabel}",
        _ => level.ToString(),
    };
}
