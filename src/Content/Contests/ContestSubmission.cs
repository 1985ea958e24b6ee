using System.Linq.Expressions;
using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>
/// Marks papers submitted and scores them, once. A participant submits their own; a paper whose time ran out and that the
/// browser never sent (a closed tab, a dead phone) is submitted by the server with what was saved, at its deadline, the
/// first time anything reads it: the attempt's own pages, its round's results, the organisers' entries. No worker and no
/// lock: the update only writes a paper still unsubmitted, so two nodes reading at once score it once, and what they would
/// write is the same, since answers stop being taken at the deadline.
/// </summary>
public sealed class ContestSubmission(CchcDbContext db)
{
    /// <summary>
    /// Scores the saved <paramref name="answers"/> and marks the attempt submitted at <paramref name="submittedAt"/>; false
    /// when it already was (a double click, a retry, another node).
    /// </summary>
    public async Task<bool> SubmitAsync(int attemptId, IReadOnlyCollection<(int QuestionId, string Chosen)> answers, DateTime startedAt, int limitSeconds,
        DateTime submittedAt, int? guess, CancellationToken ct)
    {
        var key = await AnswerKeyAsync(answers.Select(a => a.QuestionId), ct);
        return await WriteAsync(attemptId, Score(answers, key), AttemptTimer.Duration(startedAt, limitSeconds, submittedAt), submittedAt, guess, ct);
    }

    /// <summary>
    /// Submits, at its deadline, every paper of <paramref name="scope"/> (one contest's, whose time limit is
    /// <paramref name="limitSeconds"/>) that no longer takes answers at <paramref name="now"/>; how many it submitted.
    /// </summary>
    public async Task<int> SubmitExpiredAsync(Expression<Func<ContestAttempt, bool>> scope, int limitSeconds, DateTime now, CancellationToken ct)
    {
        // Started before this, a paper's deadline and grace are past (AttemptTimer.AcceptsAnswers).
        var startedBefore = now - AttemptTimer.Grace - TimeSpan.FromSeconds(limitSeconds);
        var expired = await db.ContestAttempts.AsNoTracking().Where(scope).Where(a => a.SubmittedAt == null && a.StartedAt < startedBefore)
            .Select(a => new { a.Id, a.StartedAt, a.Guess, Answers = a.Answers.Select(x => new { x.QuestionId, x.Chosen }).ToList() }).ToListAsync(ct);
        if (expired.Count == 0)
            return 0;
        var key = await AnswerKeyAsync(expired.SelectMany(a => a.Answers.Select(x => x.QuestionId)), ct);
        var submitted = 0;
        foreach (var paper in expired)
        {
            var deadline = AttemptTimer.Deadline(paper.StartedAt, limitSeconds);
            if (await WriteAsync(paper.Id, Score([.. paper.Answers.Select(x => (x.QuestionId, x.Chosen))], key), limitSeconds, deadline, paper.Guess, ct))
                submitted++;
        }
        return submitted;
    }

    private async Task<Dictionary<int, IReadOnlySet<int>>> AnswerKeyAsync(IEnumerable<int> questionIds, CancellationToken ct)
    {
        var ids = questionIds.Distinct().ToList();
        var correct = await db.ContestOptions.AsNoTracking().Where(o => o.IsCorrect && ids.Contains(o.QuestionId))
            .Select(o => new { o.QuestionId, o.Id }).ToListAsync(ct);
        return correct.GroupBy(o => o.QuestionId).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(o => o.Id).ToHashSet());
    }

    private static int Score(IEnumerable<(int QuestionId, string Chosen)> answers, Dictionary<int, IReadOnlySet<int>> key) =>
        ContestScoring.Score(answers.Select(a => (key.GetValueOrDefault(a.QuestionId) ?? new HashSet<int>(), ContestScoring.ParseIds(a.Chosen))));

    /// <summary>Only the first submission writes: the condition on <see cref="ContestAttempt.SubmittedAt"/> is the rule's last word.</summary>
    private async Task<bool> WriteAsync(int attemptId, int score, int duration, DateTime submittedAt, int? guess, CancellationToken ct) =>
        await db.ContestAttempts.Where(a => a.Id == attemptId && a.SubmittedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.SubmittedAt, submittedAt)
            .SetProperty(a => a.Score, score)
            .SetProperty(a => a.DurationSeconds, duration)
            .SetProperty(a => a.Guess, guess), ct) == 1;
}
