namespace CchcSite.Content.Contests;

/// <summary>
/// The score of an attempt: one point per question whose chosen options are exactly its correct ones. A multiple-choice
/// question answered in part (some correct options, or one wrong among them) scores nothing, as contest rules say.
/// </summary>
public static class ContestScoring
{
    public static bool IsRight(IReadOnlySet<int> correct, IReadOnlySet<int> chosen) => chosen.Count > 0 && chosen.SetEquals(correct);

    public static int Score(IEnumerable<(IReadOnlySet<int> Correct, IReadOnlySet<int> Chosen)> answers) =>
        answers.Count(a => IsRight(a.Correct, a.Chosen));

    public static IReadOnlySet<int> ParseIds(string ids) =>
        ids.Length == 0 ? new HashSet<int>() : ids.Split(',').Select(int.Parse).ToHashSet();

    public static string FormatIds(IEnumerable<int> ids) => string.Join(',', ids);
}
