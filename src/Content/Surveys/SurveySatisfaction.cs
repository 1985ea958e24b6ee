using CchcSite.Content.Questionnaires;

namespace CchcSite.Content.Surveys;

/// <summary>A survey's overall satisfaction: satisfied answers out of all answers to its satisfaction questions.</summary>
public sealed record OverallSatisfaction(int Satisfied, int Answers)
{
    /// <summary>The share in percent, one decimal, as every figure of the survey pages is printed (<see cref="SurveyStatistics.Percent"/>).</summary>
    public double Percent => SurveyStatistics.Percent(Satisfied, Answers);
}

/// <summary>
/// What "overall satisfaction" of a SIPAS-style survey means, in this one place.
/// <para>
/// The <b>satisfaction questions</b> of a survey are its 1–5 scale questions (each statement of a matrix is one) whose ends are
/// labelled "Rất không hài lòng" and "Rất hài lòng" (<see cref="SurveyTemplates.Low"/>, <see cref="SurveyTemplates.High"/>): every
/// rating question of the satisfaction template. A survey is <b>SIPAS-style</b> when one of its indicator questions is a
/// satisfaction question, as the template marks its closing "Nhìn chung, Ông/Bà hài lòng ở mức nào…"; a survey built by hand
/// qualifies the same way, and one that only rates other things (support, understanding) does not.
/// </para>
/// <para>
/// <b>Overall satisfaction</b> is the SIPAS method used in Vietnam: the answers at level 4 ("hài lòng") or 5 ("rất hài lòng")
/// (<see cref="SurveyStatistics.ScaleMeets"/>) out of all answers to the satisfaction questions, pooled over the questions, in
/// percent with one decimal. A question skipped (or hidden by its condition) adds no answer either way. E.g. seven answers
/// 5, 4, 3, 5, 2, 4, 1: four satisfied, 57.1%.
/// </para>
/// </summary>
public static class SurveySatisfaction
{
    /// <summary>The definition as the officers' page states it.</summary>
    public const string Definition =
        "Mức độ hài lòng chung = số câu trả lời ở mức 4 (hài lòng) hoặc 5 (rất hài lòng) chia cho tổng số câu trả lời của mọi câu hỏi "
        + "thang điểm hài lòng (thang 1–5 từ “" + SurveyTemplates.Low + "” đến “" + SurveyTemplates.High + "”, mỗi nội dung của ma trận là một câu), "
        + "tính theo phần trăm, làm tròn một chữ số thập phân — cách tính tỷ lệ hài lòng của Chỉ số SIPAS. Câu bỏ trống không được tính.";

    public static bool IsSatisfactionQuestion(QuestionResult question) =>
        question.Kind == QuestionKind.Scale && question.LowLabel.Trim() == SurveyTemplates.Low && question.HighLabel.Trim() == SurveyTemplates.High;

    /// <summary>Whether the survey is SIPAS-style: an indicator question of it is a satisfaction question.</summary>
    public static bool IsSipasStyle(SurveyResultsView results) => results.Questions.Any(q => q.IsIndicator && IsSatisfactionQuestion(q));

    /// <summary>The overall satisfaction of a SIPAS-style survey's results; null for any other survey.</summary>
    public static OverallSatisfaction? Of(SurveyResultsView results)
    {
        if (!IsSipasStyle(results))
            return null;
        var scales = results.Questions.Where(IsSatisfactionQuestion).Select(q => q.Scale!).ToList();
        var satisfied = scales.Sum(s => s.Counts.Where((_, i) => SurveyStatistics.ScaleMeets(i + 1)).Sum());
        return new OverallSatisfaction(satisfied, scales.Sum(s => s.Total));
    }
}
