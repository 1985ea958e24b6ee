using System.Globalization;
using System.Reflection;
using CchcSite.Content.Paging;
using CchcSite.Content.Search;

namespace CchcSite.Benchmarks;

/// <summary>
/// <c>relevance --fit judged,held-out,…</c>: fits the ranking signals' weights (<see cref="MatchWeights"/>) to the named judged
/// sets by coordinate ascent on their pooled nDCG@10, over one seeded index. Each weight in turn tries half, three quarters,
/// 1.25, 1.5 and twice its value and one and two either side, and keeps the best that beats the current by more than
/// <see cref="MinGain"/>, round after round until a round keeps nothing (or <see cref="MaxRounds"/>). It prints each kept
/// step and the result as the record's properties, to be written into <see cref="MatchWeights"/> by hand.
/// </summary>
/// <remarks>
/// Name only sets already scored: a held-out set fitted on is no longer a check. The fitting sets are named explicitly for
/// that reason; there is no default.
/// </remarks>
internal static partial class RelevanceBenchmark
{
    /// <summary>A change of one query's nDCG in 300 by 0.3: less is taken as noise.</summary>
    private const double MinGain = 0.001;
    private const int MaxRounds = 4;

    private static void Fit(string sets, List<Judged> queries, SearchIndex index, Thesaurus thesaurus, Dictionary<int, string> keysById)
    {
        var parsed = queries.Select(q => UserQuery.TryParse(q.Query, out var query, out var error)
            ? query : throw new InvalidOperationException($"{q.Query}: {error}")).ToList();
        double Score(MatchWeights weights) => queries.Select((judged, i) =>
        {
            var found = IndexSearch.Find(index, new IndexCriteria(parsed[i], Now) { Page = new PageRequest(1, 10), Thesaurus = thesaurus, Weights = weights });
            return Ndcg(found.Hits.Select(h => keysById[h.Id]).ToList(), judged.Grades);
        }).Average();

        var properties = typeof(MatchWeights).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        var best = MatchWeights.Default;
        var bestScore = Score(best);
        Console.WriteLine($"{queries.Count} queries of {sets}: the default weights score {bestScore:0.0000}.");
        for (var round = 1; round <= MaxRounds; round++)
        {
            var kept = false;
            foreach (var property in properties)
            {
                var current = Convert.ToDouble(property.GetValue(best), CultureInfo.InvariantCulture);
                foreach (var value in Candidates(current, property.PropertyType == typeof(int)))
                {
                    var tried = best with { };
                    property.SetValue(tried, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
                    if (Score(tried) is var score && score > bestScore + MinGain)
                    {
                        (best, bestScore, kept) = (tried, score, true);
                        Console.WriteLine($"  round {round}: {property.Name} {current} → {value}: {bestScore:0.0000}");
                    }
                }
            }
            if (!kept)
                break;
        }
        Console.WriteLine($"Fitted: {bestScore:0.0000}. " + string.Join(", ", properties.Select(p => $"{p.Name} = {p.GetValue(best)}")));
    }

    private static IEnumerable<double> Candidates(double current, bool whole) =>
        new[] { 0.5, 0.75, 1.25, 1.5, 2.0 }.Select(f => current * f).Concat([current - 2, current - 1, current + 1, current + 2])
            .Select(v => whole ? Math.Round(v) : Math.Round(v, 2)).Where(v => v >= 0 && v != current).Distinct();
}
