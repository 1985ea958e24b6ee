namespace CchcSite.Content.Contests;

/// <summary>A submitted attempt as a rescoring sees it: its stored score and what it chose for each question of its paper.</summary>
public sealed record ScoredPaper(int AttemptId, int? Score, IReadOnlyList<(int QuestionId, string Chosen)> Answers);

public sealed record ScoreChange(int AttemptId, int Old, int New);

/// <summary>
/// After an audited correction of a question (its answer key or its options), every submitted paper is scored again by the
/// same rule as at submission (<see cref="ContestScoring"/>) against the corrected key; only the papers whose score moves
/// are returned, so the audit names exactly the entries the correction changed. The ranking is read from the scores, so
/// it follows without being stored.
/// </summary>
public static class ContestRescoring
{
    public static IReadOnlyList<ScoreChange> Changes(IEnumerable<ScoredPaper> papers, IReadOnlyDictionary<int, IReadOnlySet<int>> correctByQuestion)
    {
        var changes = new List<ScoreChange>();
        foreach (var paper in papers)
        {
            var score = ContestScoring.Score(paper.Answers.Select(a =>
                (correctByQuestion.GetValueOrDefault(a.QuestionId) ?? new HashSet<int>(), ContestScoring.ParseIds(a.Chosen))));
            if (score != (paper.Score ?? 0))
                changes.Add(new ScoreChange(paper.AttemptId, paper.Score ?? 0, score));
        }
        return changes;
    }
}
