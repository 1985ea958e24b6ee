using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;

namespace CchcSite.Content.Tests.Surveys;

/// <summary>The overall satisfaction of a SIPAS-style survey, against figures counted by hand.</summary>
public class SurveySatisfactionTests
{
    private static QuestionResult Scale(int number, bool indicator, string low, string high, params int[] ratings) =>
        new(number, number, "", $"Câu {number}", QuestionKind.Scale, indicator, ratings.Length, [], SurveyStatistics.Scale(ratings), null, low, high, []);

    private static QuestionResult Satisfaction(int number, bool indicator, params int[] ratings) =>
        Scale(number, indicator, SurveyTemplates.Low, SurveyTemplates.High, ratings);

    private static SurveyResultsView Results(params QuestionResult[] questions) =>
        new(1, 1, "don-vi", "Đơn vị", "khao-sat", "Khảo sát", SurveyState.Closed, false, DateTime.UtcNow, DateTime.UtcNow, 4, null, questions, []);

    [Fact]
    public void Satisfied_answers_are_levels_4_and_5_pooled_over_every_satisfaction_question_of_the_survey()
    {
        // Seven answers over a matrix statement and the overall question: 5, 4, 3 | 5, 2, 4, 1 → 4 satisfied of 7 = 57.142…% → 57.1%.
        // A scale labelled otherwise (support for the reform) and a choice question add nothing.
        var results = Results(
            Satisfaction(1, indicator: false, 5, 4, 3),
            Scale(2, indicator: false, "Hoàn toàn không ủng hộ", "Hoàn toàn ủng hộ", 5, 5, 5),
            new QuestionResult(3, 3, "", "Có phản ánh không?", QuestionKind.SingleChoice, false, 2, [new("Có", 1, 50), new("Không", 1, 50)], null, null, "", "", []),
            Satisfaction(4, indicator: true, 5, 2, 4, 1));

        var figure = SurveySatisfaction.Of(results);

        Assert.Equal(new OverallSatisfaction(4, 7), figure);
        Assert.Equal(57.1, figure!.Percent);
    }

    [Fact]
    public void Only_a_survey_whose_indicator_is_a_satisfaction_question_has_the_figure()
    {
        // The understanding template: a scale of other labels, indicator questions that are choices.
        Assert.Null(SurveySatisfaction.Of(Results(Scale(1, indicator: true, "Hoàn toàn không ủng hộ", "Hoàn toàn ủng hộ", 5, 4))));
        // Satisfaction questions but none of them the indicator: not marked as a satisfaction survey.
        Assert.Null(SurveySatisfaction.Of(Results(Satisfaction(1, indicator: false, 5, 4))));
    }

    [Fact]
    public void A_satisfaction_survey_without_answers_has_a_figure_of_no_answers()
    {
        var figure = SurveySatisfaction.Of(Results(Satisfaction(1, indicator: true)));
        Assert.Equal(new OverallSatisfaction(0, 0), figure);
        Assert.Equal(0, figure!.Percent);
    }

    [Fact]
    public void Every_rating_question_of_the_satisfaction_template_is_a_satisfaction_question_and_its_indicator_is_one()
    {
        static QuestionResult[] Of(SurveyTemplate template) => [.. SurveyTemplates.Questions(template)
            .Select((q, i) => new QuestionResult(i, i + 1, q.Section, q.Text, q.Kind, q.Indicator, 0, [], null, null, q.LowLabel, q.HighLabel, []))];
        var satisfaction = Of(SurveyTemplate.Satisfaction);
        Assert.All(satisfaction.Where(q => q.Kind == QuestionKind.Scale), q => Assert.True(SurveySatisfaction.IsSatisfactionQuestion(q)));
        Assert.True(SurveySatisfaction.IsSipasStyle(Results(satisfaction)));
        Assert.False(SurveySatisfaction.IsSipasStyle(Results(Of(SurveyTemplate.Understanding))));
    }
}
