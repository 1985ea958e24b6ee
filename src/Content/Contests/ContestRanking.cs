namespace CchcSite.Content.Contests;

/// <summary>A submitted, not disqualified entry as the ranking sees it.</summary>
public sealed record RankedEntry(int AttemptId, int Score, int? Guess, int DurationSeconds, DateTime SubmittedAt);

/// <summary>
/// The order of a round's results: higher score first, then the guess closest to the actual number of entries with every
/// answer right (an entry without a guess after every guess), then the shorter time, then the earlier submission, and
/// last the attempt number, so that the order is total and the same on every page and export.
/// </summary>
public static class ContestRanking
{
    public static IReadOnlyList<RankedEntry> Rank(IEnumerable<RankedEntry> entries, int actual) =>
    [
        .. entries
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Guess is { } guess ? Math.Abs((long)guess - actual) : long.MaxValue)
            .ThenBy(e => e.DurationSeconds)
            .ThenBy(e => e.SubmittedAt)
            .ThenBy(e => e.AttemptId),
    ];

    /// <summary>The actual answer to the guess question: how many entries got every question of their paper right.</summary>
    public static int PerfectCount(IEnumerable<RankedEntry> entries, int questionsPerPaper) => entries.Count(e => e.Score == questionsPerPaper);
}
