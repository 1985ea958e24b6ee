using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using CchcSite.Web.Charts;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Surveys;

/// <summary>A question's figures drawn: a chart (with its data table) for each choice and scale question.</summary>
public sealed record SurveyQuestionFigure(QuestionResult Question, ChartFigure? Figure);

/// <summary>What the results partial draws: the survey's figures, and whether the officers' free-text answers are shown.</summary>
public sealed record SurveyResultsFigures(SurveyResultsView Results, IReadOnlyList<SurveyQuestionFigure> Questions, bool ForOfficers);

/// <summary>
/// The results of a survey as the officers' page and the public page both show them (<c>Component.InvokeAsync("SurveyResults", …)</c>):
/// the indicator against the target, then each question with a bar chart of its options or levels, in percent of those who
/// answered it, and the counts in the data table.
/// </summary>
public sealed class SurveyResultsViewComponent : ViewComponent
{
    public const string ViewName = "/Surveys/_SurveyResults.cshtml";

    public IViewComponentResult Invoke(SurveyResultsView results, bool forOfficers) =>
        View(ViewName, new SurveyResultsFigures(results, [.. results.Questions.Select(q => new SurveyQuestionFigure(q, FigureOf(q)))], forOfficers));

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
