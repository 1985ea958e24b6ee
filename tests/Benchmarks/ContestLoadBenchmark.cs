using System.Collections.Concurrent;
using System.Diagnostics;
using CchcSite.Testing.Contests;

namespace CchcSite.Benchmarks;

/// <summary>
/// Participants of a running site's open contest, a bounded number at a time, each going the whole way
/// (<see cref="ContestParticipant"/>): submissions per second sustained over the run and the latency of each kind of
/// request, the answer-saving one above all. Reads nothing from the database, so it measures any deployment.
/// Run against a site whose contest writes limit is raised (Contests__WritesPerMinute): every participant comes from one address.
/// </summary>
public static class ContestLoadBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var site = new Uri(args.ElementAtOrDefault(0) ?? throw new ArgumentException("Usage: contest <base url> [participants] [at once] [first participant number]"));
        var participants = args.Length > 1 ? int.Parse(args[1]) : 2000;
        var atOnce = args.Length > 2 ? int.Parse(args[2]) : 50;
        var first = args.Length > 3 ? int.Parse(args[3]) : 0;
        var contest = args.ElementAtOrDefault(4) ?? "tim-hieu-cai-cach-hanh-chinh";

        var steps = new ConcurrentBag<ParticipantStep>();
        var errors = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(first, participants), new ParallelOptions { MaxDegreeOfParallelism = atOnce }, async (n, ct) =>
        {
            // The first option of two questions in three, the rest left out: what matters here is the work, not the score.
            Dictionary<int, int[]> Choose(IReadOnlyDictionary<int, IReadOnlyList<int>> paper) =>
                paper.Where((q, i) => (n + i) % 3 != 2).ToDictionary(q => q.Key, q => new[] { q.Value[0] });
            try
            {
                await ContestParticipant.TakePartAsync(site, contest, n, Choose, steps.Add, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.Add(e.Message);
            }
        });
        var elapsed = clock.Elapsed;

        var submitted = steps.Count(s => s is { Name: ContestParticipant.Submit, AsExpected: true });
        Console.WriteLine($"{participants} participants, {atOnce} at a time, in {elapsed.TotalSeconds:F1} s: {submitted} submitted, "
                          + $"{submitted / elapsed.TotalSeconds:F1} submissions/s, {steps.Count / elapsed.TotalSeconds:F0} requests/s");
        foreach (var kind in steps.GroupBy(s => s.Name))
        {
            var ms = kind.Select(s => s.Elapsed.TotalMilliseconds).Order().ToArray();
            Console.WriteLine($"  {kind.Key,-14} {ms.Length,6} requests, {kind.Count(s => !s.AsExpected),4} unexpected;  p50 {Percentile(ms, 0.50),7:F1} ms  "
                              + $"p99 {Percentile(ms, 0.99),7:F1} ms  max {ms[^1],7:F1} ms");
        }
        foreach (var error in errors.Take(5))
            Console.WriteLine($"  error: {error}");
        Console.WriteLine($"  {errors.Count} participants stopped by a network error");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
