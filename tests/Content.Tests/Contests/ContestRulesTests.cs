using CchcSite.Content.Contests;
using CchcSite.Content.Questionnaires;

namespace CchcSite.Content.Tests.Contests;

/// <summary>The rules every contest page and export relies on, on their own.</summary>
public class ContestRulesTests
{
    private static IReadOnlySet<int> Set(params int[] ids) => ids.ToHashSet();

    [Fact]
    public void A_question_scores_only_when_the_chosen_options_are_exactly_the_correct_ones()
    {
        Assert.True(ContestScoring.IsRight(Set(2), Set(2)));
        Assert.False(ContestScoring.IsRight(Set(2), Set(3)));
        Assert.False(ContestScoring.IsRight(Set(2), Set()));
        // Multiple choice: all and only the correct options; part of them, or one wrong beside them, scores nothing.
        Assert.True(ContestScoring.IsRight(Set(1, 3), Set(3, 1)));
        Assert.False(ContestScoring.IsRight(Set(1, 3), Set(1)));
        Assert.False(ContestScoring.IsRight(Set(1, 3), Set(1, 2, 3)));
        Assert.Equal(2, ContestScoring.Score([(Set(1), Set(1)), (Set(1, 3), Set(1)), (Set(4, 5), Set(5, 4)), (Set(2), Set())]));
    }

    private static readonly DateTime T0 = new(2022, 6, 1, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ranking_orders_by_score_then_closeness_of_the_guess_then_time_then_submission()
    {
        var entries = new[]
        {
            new RankedEntry(1, 9, 100, 60, T0),
            new RankedEntry(2, 10, 500, 300, T0.AddMinutes(5)), // best score wins whatever its guess and time
            new RankedEntry(3, 9, 118, 200, T0),                // closest guess to 120 among the nines
            new RankedEntry(4, 9, 122, 100, T0.AddMinutes(1)),  // as close (2 off) but faster than 3
            new RankedEntry(5, 9, 122, 100, T0),                // same guess and time as 4, submitted earlier
            new RankedEntry(6, 9, null, 10, T0),                // no guess: after every guess
        };

        var ranked = ContestRanking.Rank(entries, actual: 120);

        Assert.Equal([2, 5, 4, 3, 1, 6], ranked.Select(e => e.AttemptId));
    }

    [Fact]
    public void The_actual_answer_to_the_guess_is_the_number_of_perfect_papers()
    {
        var entries = new[] { new RankedEntry(1, 10, 1, 1, T0), new RankedEntry(2, 9, 1, 1, T0), new RankedEntry(3, 10, 1, 1, T0) };
        Assert.Equal(2, ContestRanking.PerfectCount(entries, 10));
    }

    [Fact]
    public void The_time_limit_runs_from_the_stored_start_with_a_short_grace_and_the_duration_never_exceeds_it()
    {
        Assert.True(AttemptTimer.AcceptsAnswers(T0, 600, T0.AddSeconds(600)));
        Assert.True(AttemptTimer.AcceptsAnswers(T0, 600, T0.AddSeconds(604)));
        Assert.False(AttemptTimer.AcceptsAnswers(T0, 600, T0.AddSeconds(606)));
        Assert.Equal(91, AttemptTimer.Duration(T0, 600, T0.AddSeconds(90.2)));
        Assert.Equal(600, AttemptTimer.Duration(T0, 600, T0.AddHours(2)));
        Assert.Equal(0, AttemptTimer.SecondsLeft(T0, 600, T0.AddHours(2)));
        Assert.Equal(510, AttemptTimer.SecondsLeft(T0, 600, T0.AddSeconds(90)));
    }

    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("0912.345.678")]
    [InlineData("+84 912 345 678")]
    [InlineData("+84912345678")]
    [InlineData("84 912-345-678")]
    [InlineData(" (0912) 345 678 ")]
    public void Every_way_of_writing_a_phone_number_is_the_same_number(string written) =>
        Assert.Equal("0912345678", ContactIdentity.NormalisePhone(written));

    [Theory]
    [InlineData("12345")]
    [InlineData("0912 345 67a")]
    [InlineData("091234567890")]
    [InlineData("00912345678")]
    [InlineData("09+12345678")]
    public void What_is_not_a_Vietnamese_phone_number_is_refused(string written) => Assert.Null(ContactIdentity.NormalisePhone(written));

    [Fact]
    public void Results_mask_phones_and_emails()
    {
        Assert.Equal("09xx xxx 678", ContactIdentity.MaskPhone("0912345678"));
        Assert.Equal("02xxx xxx 555", ContactIdentity.MaskPhone("02993862555"));
        Assert.Equal("b***@example.vn", ContactIdentity.MaskEmail("binh@example.vn"));
        Assert.Equal("09xx xxx 678", ContactIdentity.MaskedContact("0912345678", "binh@example.vn"));
        Assert.Equal("b***@example.vn", ContactIdentity.MaskedContact(null, "binh@example.vn"));
    }

    [Fact]
    public void A_phone_and_an_email_are_each_an_identity_of_their_own()
    {
        Assert.Equal(["p:0912345678", "e:binh@example.vn"], ContactIdentity.KeysOf("0912345678", ContactIdentity.NormaliseEmail(" Binh@Example.VN ")));
        Assert.Equal(["e:binh@example.vn"], ContactIdentity.KeysOf(null, "binh@example.vn"));
    }

    [Fact]
    public void Prizes_go_one_first_two_second_three_third_then_encouragement()
    {
        var prizes = new ContestPrizes { Encouragement = 2 };
        Assert.Equal(["Giải Nhất", "Giải Nhì", "Giải Nhì", "Giải Ba", "Giải Ba", "Giải Ba", "Giải Khuyến khích", "Giải Khuyến khích", null],
            Enumerable.Range(1, 9).Select(prizes.NameOf));
    }

    [Fact]
    public void A_choice_question_needs_two_to_six_distinct_options_and_other_kinds_none()
    {
        Assert.Empty(QuestionnaireRules.Problems(QuestionKind.SingleChoice, "Câu hỏi?", ["A", "B"]));
        Assert.NotEmpty(QuestionnaireRules.Problems(QuestionKind.SingleChoice, "Câu hỏi?", ["A"]));
        Assert.NotEmpty(QuestionnaireRules.Problems(QuestionKind.MultipleChoice, "Câu hỏi?", ["A", "B", "C", "D", "E", "F", "G"]));
        Assert.NotEmpty(QuestionnaireRules.Problems(QuestionKind.SingleChoice, "Câu hỏi?", ["A", "a "]));
        Assert.NotEmpty(QuestionnaireRules.Problems(QuestionKind.SingleChoice, " ", ["A", "B"]));
        Assert.Empty(QuestionnaireRules.Problems(QuestionKind.LongText, "Ý kiến của bạn?", []));
        Assert.NotEmpty(QuestionnaireRules.Problems(QuestionKind.Scale, "Mức hài lòng?", ["A", "B"]));
    }
}
