using CchcSite.Content.Contests;

namespace CchcSite.Content.Tests.Contests;

public class ContestRescoringTests
{
    // Question 1: options 11 (was marked right), 12 (right after the correction). Question 2: options 21, 22 (right) — multiple choice 22+23.
    private static readonly IReadOnlyDictionary<int, IReadOnlySet<int>> Corrected = new Dictionary<int, IReadOnlySet<int>>
    {
        [1] = new HashSet<int> { 12 },
        [2] = new HashSet<int> { 22, 23 },
    };

    [Fact]
    public void A_corrected_key_moves_exactly_the_scores_it_changes_old_to_new()
    {
        ScoredPaper[] papers =
        [
            new(100, 2, [(1, "11"), (2, "22,23")]), // right under the old key on both; loses question 1
            new(101, 1, [(1, "12"), (2, "22,23")]), // wrong under the old key; gains question 1
            new(102, 1, [(2, "22,23")]),             // never drew question 1: unchanged, not reported
            new(103, 0, [(1, ""), (2, "22")]),       // unanswered and a partial multiple choice: still nothing
        ];

        var changes = ContestRescoring.Changes(papers, Corrected);

        Assert.Equal([new ScoreChange(100, 2, 1), new ScoreChange(101, 1, 2)], changes);
    }

    [Fact]
    public void An_unscored_paper_counts_as_zero_and_a_question_without_a_key_scores_nothing()
    {
        var changes = ContestRescoring.Changes([new ScoredPaper(7, null, [(1, "12"), (9, "91")])], Corrected);

        Assert.Equal([new ScoreChange(7, 0, 1)], changes);
    }
}
