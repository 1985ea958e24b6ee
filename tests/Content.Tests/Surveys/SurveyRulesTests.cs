using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;

namespace CchcSite.Content.Tests.Surveys;

/// <summary>The answering rules and the results arithmetic on their own, against figures computed by hand.</summary>
public class SurveyRulesTests
{
    // Q1 "Đã từng nộp hồ sơ?" (options 11 Có, 12 Không); Q2 shown only after "Có", required; Q3 a required scale; Q4 optional text.
    private static readonly AnswerableQuestion[] Questions =
    [
        new(1, QuestionKind.SingleChoice, true, new HashSet<int> { 11, 12 }, null),
        new(2, QuestionKind.MultipleChoice, true, new HashSet<int> { 21, 22, 23 }, new QuestionCondition(1, 11)),
        new(3, QuestionKind.Scale, true, new HashSet<int>(), null),
        new(4, QuestionKind.LongText, false, new HashSet<int>(), null),
    ];

    private static QuestionnaireAnswer Choose(params int[] ids) => new(ids, null);

    private static QuestionnaireAnswer Type(string text) => new([], text);

    [Fact]
    public void A_conditional_question_is_required_only_when_its_answer_was_given_and_its_answer_is_dropped_otherwise()
    {
        var (errors, _) = QuestionnaireAnswers.Check(Questions, new Dictionary<int, QuestionnaireAnswer> { [1] = Choose(11), [3] = Type("4") });
        Assert.Equal(QuestionnaireAnswers.RequiredMessage, Assert.Single(errors).Value);
        Assert.Equal(2, errors.Single().Key);

        // "Không": question 2 is hidden, so not required, and an answer sent for it anyway (a page without script) is not kept.
        var (none, kept) = QuestionnaireAnswers.Check(Questions,
            new Dictionary<int, QuestionnaireAnswer> { [1] = Choose(12), [2] = Choose(21), [3] = Type(" 5 ") });
        Assert.Empty(none);
        Assert.Equal([1, 3], kept.Keys.Order());
        Assert.Equal("5", kept[3].Text);
    }

    [Fact]
    public void A_question_depending_on_a_hidden_question_is_hidden_too()
    {
        AnswerableQuestion[] chain = [.. Questions, new(5, QuestionKind.ShortText, true, new HashSet<int>(), new QuestionCondition(2, 22))];
        var shown = QuestionnaireAnswers.Shown(chain, new Dictionary<int, QuestionnaireAnswer> { [1] = Choose(12), [2] = Choose(22) });
        Assert.DoesNotContain(2, shown);
        Assert.DoesNotContain(5, shown);
        Assert.Contains(5, QuestionnaireAnswers.Shown(chain, new Dictionary<int, QuestionnaireAnswer> { [1] = Choose(11), [2] = Choose(22) }));
    }

    [Fact]
    public void Each_kind_refuses_what_it_cannot_take_in_Vietnamese()
    {
        var (errors, _) = QuestionnaireAnswers.Check(Questions, new Dictionary<int, QuestionnaireAnswer>
        {
            [1] = Choose(11, 12), [2] = Choose(99), [3] = Type("6"), [4] = Type(new string('a', QuestionnaireAnswers.MaxLongText + 1)),
        });
        Assert.Equal("Câu hỏi này chỉ chọn một phương án.", errors[1]);
        Assert.Equal("Phương án trả lời không thuộc câu hỏi này.", errors[2]);
        Assert.Equal("Vui lòng chọn một mức từ 1 đến 5.", errors[3]);
        Assert.Contains("dài quá", errors[4]);
        Assert.Contains(3, QuestionnaireAnswers.Check(Questions, new Dictionary<int, QuestionnaireAnswer> { [1] = Choose(12), [3] = Type("3,5") }).Errors.Keys);
    }

    [Fact]
    public void A_condition_must_point_to_an_option_of_an_earlier_choice_question()
    {
        Assert.Null(QuestionnaireAnswers.ConditionProblem(Questions, 1));
        AnswerableQuestion[] later = [Questions[1], Questions[0]];
        Assert.NotNull(QuestionnaireAnswers.ConditionProblem(later, 0));
        AnswerableQuestion[] onScale = [Questions[2], new(9, QuestionKind.ShortText, false, new HashSet<int>(), new QuestionCondition(3, 1))];
        Assert.NotNull(QuestionnaireAnswers.ConditionProblem(onScale, 1));
        AnswerableQuestion[] foreign = [Questions[0], new(9, QuestionKind.ShortText, false, new HashSet<int>(), new QuestionCondition(1, 21))];
        Assert.Equal("Phương án điều kiện không thuộc câu hỏi được chọn.", QuestionnaireAnswers.ConditionProblem(foreign, 1));
    }

    [Theory]
    // Computed by hand: centre (p + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²), z = 1.95996.
    [InlineData(9, 12, 0.75, 0.4677, 0.9111)]
    [InlineData(0, 10, 0.0, 0.0, 0.2775)]
    [InlineData(95, 100, 0.95, 0.8882, 0.9785)]
    [InlineData(1140, 1200, 0.95, 0.9362, 0.9610)]
    public void The_Wilson_interval_matches_the_hand_computed_figures(int count, int total, double share, double low, double high)
    {
        var p = SurveyStatistics.Wilson(count, total);
        Assert.Equal(share, p.Share, 4);
        Assert.Equal(low, p.Low, 4);
        Assert.Equal(high, p.High, 4);
    }

    [Fact]
    public void The_same_share_from_12_answers_cannot_tell_the_target_where_1200_can()
    {
        // Against 95%: 11 of 12 (91.7%) cannot tell either way, 97% of 1200 clears it, 6 of 12 clearly misses it.
        Assert.Null(SurveyStatistics.TargetReached(SurveyStatistics.Wilson(11, 12), 95));
        Assert.True(SurveyStatistics.TargetReached(SurveyStatistics.Wilson(1164, 1200), 95));
        Assert.False(SurveyStatistics.TargetReached(SurveyStatistics.Wilson(6, 12), 95));
        Assert.Null(SurveyStatistics.TargetReached(SurveyStatistics.Wilson(0, 0), 95));
    }

    [Fact]
    public void Percentages_round_half_away_from_zero_to_one_decimal_and_scales_give_their_distribution_and_mean()
    {
        Assert.Equal(33.3, SurveyStatistics.Percent(1, 3));
        Assert.Equal(66.7, SurveyStatistics.Percent(2, 3));
        Assert.Equal(12.5, SurveyStatistics.Percent(1, 8));
        Assert.Equal(0, SurveyStatistics.Percent(0, 0));
        // 5,5,4,4,4,3,1: sum 26 over 7 = 3.714… → 3.71.
        var scale = SurveyStatistics.Scale([5, 5, 4, 4, 4, 3, 1]);
        Assert.Equal([1, 0, 1, 3, 2], scale.Counts);
        Assert.Equal(7, scale.Total);
        Assert.Equal(3.71, scale.Mean);
        Assert.Null(SurveyStatistics.Scale([]).Mean);
    }

    [Fact]
    public void A_respondent_meets_the_indicator_only_when_every_indicator_question_answered_is_met()
    {
        Assert.True(SurveyStatistics.MeetsIndicator([true, true]));
        Assert.False(SurveyStatistics.MeetsIndicator([true, false]));
        Assert.Null(SurveyStatistics.MeetsIndicator([]));
        Assert.True(SurveyStatistics.ScaleMeets(4));
        Assert.False(SurveyStatistics.ScaleMeets(3));
    }
}
