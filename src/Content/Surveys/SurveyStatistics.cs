namespace CchcSite.Content.Surveys;

/// <summary>A share with its 95% confidence interval, all as fractions of 1.</summary>
public sealed record Proportion(int Count, int Total, double Share, double Low, double High);

/// <summary>The distribution of a 1–5 scale's answers: counts for 1 … 5 and the mean (null with no answer).</summary>
public sealed record ScaleSummary(IReadOnlyList<int> Counts, int Total, double? Mean);

/// <summary>
/// The arithmetic of survey results, on its own so that the results page, the exports and the API show the same figures.
/// </summary>
public static class SurveyStatistics
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval of <paramref name="count"/> out of <paramref name="total"/>: unlike p ± z·√(p(1−p)/n) it
    /// stays within 0–1 and is honest for small samples and shares near 0 or 100%, which is where plan targets sit (95%, 100%).
    /// </summary>
    public static Proportion Wilson(int count, int total, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        if (total == 0)
            return new Proportion(0, 0, 0, 0, 1);
        double n = total, p = count / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Proportion(count, total, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>A share in percent rounded to one decimal, half away from zero, as pages and exports print it.</summary>
    public static double Percent(int count, int total) => total == 0 ? 0 : Math.Round(100.0 * count / total, 1, MidpointRounding.AwayFromZero);

    public static ScaleSummary Scale(IEnumerable<int> ratings)
    {
        var counts = new int[5];
        foreach (var rating in ratings)
            counts[rating - 1]++;
        var total = counts.Sum();
        double? mean = total == 0 ? null : Math.Round(counts.Select((c, i) => c * (i + 1.0)).Sum() / total, 2, MidpointRounding.AwayFromZero);
        return new ScaleSummary(counts, total, mean);
    }

    /// <summary>
    /// Whether a respondent meets the indicator: every indicator question they answered is met (a choice among the
    /// options that meet it, a scale at 4 or 5); null when they answered none of them, so they do not count either way.
    /// </summary>
    public static bool? MeetsIndicator(IEnumerable<bool> answeredIndicatorQuestionsMet)
    {
        var met = answeredIndicatorQuestionsMet.ToList();
        return met.Count == 0 ? null : met.All(m => m);
    }

    /// <summary>Whether a scale rating counts as met ("hài lòng", "rất hài lòng").</summary>
    public static bool ScaleMeets(decimal rating) => rating >= 4;

    /// <summary>The target is reached when the interval's lower bound is at or above it; null when the data cannot tell either way.</summary>
    public static bool? TargetReached(Proportion share, int targetPercent)
    {
        var target = targetPercent / 100.0;
        return share.Total == 0 ? null : share.Low >= target ? true : share.High < target ? false : null;
    }
}
