namespace CchcSite.Content.Contests;

/// <summary>
/// The time limit, kept by the server from the attempt's stored start, never by the page's countdown. Answers reach the
/// server up to <see cref="Grace"/> after the limit (the page's last save and a slow network); after that nothing the
/// participant sends changes the paper, and a late submission counts only what was saved in time, for the limit's
/// duration.
/// </summary>
public static class AttemptTimer
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static DateTime Deadline(DateTime startedAt, int limitSeconds) => startedAt.AddSeconds(limitSeconds);

    /// <summary>Whether an answer or submission sent at <paramref name="now"/> may still change the paper.</summary>
    public static bool AcceptsAnswers(DateTime startedAt, int limitSeconds, DateTime now) => now <= Deadline(startedAt, limitSeconds) + Grace;

    /// <summary>The duration counted for ranking: whole seconds from the start, at most the limit.</summary>
    public static int Duration(DateTime startedAt, int limitSeconds, DateTime submittedAt) =>
        (int)Math.Clamp(Math.Ceiling((submittedAt - startedAt).TotalSeconds), 0, limitSeconds);

    public static int SecondsLeft(DateTime startedAt, int limitSeconds, DateTime now) =>
        (int)Math.Max(0, Math.Floor((Deadline(startedAt, limitSeconds) - now).TotalSeconds));
}
