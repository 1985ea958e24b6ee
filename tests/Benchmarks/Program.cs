using System.Diagnostics;
using CchcSite.Benchmarks;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;

// Search benchmark: indexing throughput, index size and query latency over a generated corpus.
// Usage: dotnet run -c Release --project tests/Benchmarks [-- <documents> <iterations per query> [<index folder to keep>] [--only <text>]…]
// --only times only the queries whose name contains the text (repeatable): a profile of some queries without the rest.
// The relevance benchmark instead: dotnet run -c Release --project tests/Benchmarks -- relevance [--held-out | --held-out-2 | … | --held-out-29] [--verbose]
// The mail benchmark: dotnet run -c Release --project tests/Benchmarks -- mail [<subscribers>]
// Given a folder, the index is kept there, and a later run that finds an index of the current schema in it times the
// queries only: a quicker loop when only the query side changes.
// The procedure import instead: dotnet run -c Release --project tests/Benchmarks -- procedures [rows] [csv|xlsx]
// Contest participants against a running site: dotnet run -c Release --project tests/Benchmarks -- contest <base url> [participants] [at once] [first number]
if (args.FirstOrDefault() == "contest")
{
    await ContestLoadBenchmark.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "procedures")
{
    await ProcedureImportBenchmark.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "mail")
{
    await MailBenchmark.RunAsync(FindRepositoryRoot(), args.Length > 1 ? int.Parse(args[1]) : 10_000);
    return;
}
if (args.FirstOrDefault() == "relevance")
{
    await RelevanceBenchmark.RunAsync(FindRepositoryRoot(), args[1..]);
    return;
}
var only = args.Select((arg, i) => (arg, i)).Where(a => a.arg == "--only" && a.i + 1 < args.Length).Select(a => args[a.i + 1]).ToList();
var positional = args.TakeWhile(a => a != "--only").ToArray();
var documents = positional.Length > 0 ? int.Parse(positional[0]) : 100_000;
var iterations = positional.Length > 1 ? int.Parse(positional[1]) : 100;
var keptPath = positional.Length > 2 ? Path.GetFullPath(positional[2]) : null;

var root = FindRepositoryRoot();
var generator = new CorpusGenerator(Path.Combine(root, "seed"), seed: 2026);
var indexPath = keptPath ?? Directory.CreateTempSubdirectory("cchc-bench-index-").FullName;
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

try
{
    using (var index = SearchIndex.Open(indexPath))
    {
        if (index.NeedsRebuild)
            await BuildAsync(index);
        else
            Console.WriteLine($"Reusing the index in {indexPath}.");
    }
    // Queried as the site finds it after a restart: the committed segments, with no merge still running from the
    // rebuild to compete for the two cores.
    using var reopened = SearchIndex.Open(indexPath);
    Query(reopened);
}
finally
{
    if (keptPath is null)
        Directory.Delete(indexPath, recursive: true);
}

async Task BuildAsync(SearchIndex index)
{
    // Generated as the indexing threads ask for them, as the site's rebuild loads posts a batch at a time
    // (SearchIndexer.RebuildAsync): the corpus is never held in memory, so a million posts fit. The generation (one
    // thread, as the rebuild's database reads) is therefore inside the timed part: the throughput is a lower bound.
    Console.WriteLine($"Generating and indexing {documents:N0} posts into {indexPath} …");
    long bytes = 0;
    IEnumerable<Func<IIndexedDocument>> Source()
    {
        for (var id = 1; id <= documents; id++)
        {
            var post = generator.Next(id);
            bytes += post.Title.Length + (post.Summary?.Length ?? 0) + post.Body.Length;
            yield return () => post;
        }
    }
    var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
    var indexing = Stopwatch.StartNew();
    await index.AddAllAsync(Source().ToAsyncEnumerable(), CancellationToken.None);
    var added = indexing.Elapsed;
    index.Commit(0);
    indexing.Stop();
    Console.WriteLine($"Adding took {added.TotalSeconds:N1} s, the commit (last flush and fsync) {(indexing.Elapsed - added).TotalSeconds:N1} s; collections: " +
                      string.Join(", ", Enumerable.Range(0, 3).Select(g => $"gen{g} {GC.CollectionCount(g) - collections[g]}")) + ".");
    var size = new DirectoryInfo(indexPath).EnumerateFiles().Sum(f => f.Length);
    Console.WriteLine($"Indexed {documents:N0} posts ({bytes / documents:N0} characters each on average) in {indexing.Elapsed.TotalSeconds:N1} s: " +
                      $"{documents / indexing.Elapsed.TotalSeconds:N0} docs/s; index size {size / 1024.0 / 1024.0:N1} MiB; " +
                      $"peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB.");
}

void Query(SearchIndex index)
{
    var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    var cases = QueryCases.All(now).Where(c => only.Count == 0 || only.Any(text => c.Name.Contains(text, StringComparison.Ordinal))).ToList();
    Console.WriteLine($"Querying: {cases.Count} queries × {iterations} iterations (after a warm-up), page of 12 with snippets and counts …");
    // The first search of each query (in list order, on a freshly opened index) is shown apart: it is the one that
    // reads the postings of its common words before the segments keep them as bitsets. The warm-up of 20 runs a query
    // lets the JIT finish its optimised code, so the timed runs show a server in its steady state.
    var first = new Dictionary<string, double>();
    foreach (var (name, criteria) in cases)
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            IndexSearch.Find(index, criteria);
            first.TryAdd(name, watch.Elapsed.TotalMilliseconds);
        }

    var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    // Process CPU, every thread's: a search spread over several cores must be judged by what it costs them too.
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var all = new List<double>();
    var rows = new List<(string Name, double P50, double P99, int Hits)>();
    foreach (var (name, criteria) in cases)
    {
        var times = new List<double>(iterations);
        var hits = 0;
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            hits = IndexSearch.Find(index, criteria).TotalCount;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        all.AddRange(times);
        rows.Add((name, Percentile(times, 50), Percentile(times, 99), hits));
    }
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine();
    Console.WriteLine("| query | hits | first ms | p50 ms | p99 ms |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    foreach (var row in rows)
        Console.WriteLine($"| {row.Name} | {row.Hits:N0} | {first[row.Name]:N2} | {row.P50:N2} | {row.P99:N2} |");
    Console.WriteLine();
    Console.WriteLine($"Allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / all.Count / 1024:N0} KiB per search; collections while timing: " +
                      string.Join(", ", Enumerable.Range(0, 3).Select(g => $"gen{g} {GC.CollectionCount(g) - collections[g]}")) + ".");
    Console.WriteLine($"Process CPU while timing: {cpu.TotalMilliseconds / all.Count:N2} ms per search (elapsed {all.Sum() / all.Count:N2} ms per search).");
    Console.WriteLine($"First searches: median {Percentile(first.Values.ToList(), 50):N2} ms, max {first.Values.Max():N2} ms.");
    Console.WriteLine($"All {all.Count:N0} searches: p50 {Percentile(all, 50):N2} ms, p95 {Percentile(all, 95):N2} ms, p99 {Percentile(all, 99):N2} ms, max {all.Max():N2} ms.");
    Console.WriteLine($"Peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB.");
}

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "CchcSite.sln")))
            return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository: CchcSite.sln not found above " + AppContext.BaseDirectory);
}

/// <summary>The fixed query list: single syllables, two-syllable words, phrases, folded and diacritic forms, numbers, filters.</summary>
internal static class QueryCases
{
    /// <summary>The shipped thesaurus, as the site applies it to every query.</summary>
    private static readonly Thesaurus Thesaurus = new(CchcSite.Content.Search.Thesaurus.Shipped);

    public static List<(string Name, IndexCriteria Criteria)> All(DateTime now)
    {
        var cases = new List<(string, IndexCriteria)>();
        void Add(string text, Func<IndexCriteria, IndexCriteria>? refine = null, string? label = null)
        {
            if (!UserQuery.TryParse(text, out var query, out var error))
                throw new InvalidOperationException($"{text}: {error}");
            var criteria = new IndexCriteria(query, now) { Page = new PageRequest(1, PageRequest.DefaultSize), Thesaurus = Thesaurus };
            cases.Add((label ?? text.Replace("|", "\\|"), refine is null ? criteria : refine(criteria)));
        }

        foreach (var single in new[] { "hành", "chính", "cải", "công", "dân", "tuyên", "giáo", "hồ", "hanh", "cong" })
            Add(single);
        foreach (var word in new[] { "cải cách", "hành chính", "tuyên truyền", "dịch vụ", "một cửa", "văn hóa", "thủ tục", "trực tuyến", "hài lòng" })
            Add(word);
        foreach (var folded in new[] { "cai cach", "hanh chinh", "tuyen truyen", "dich vu cong", "mot cua", "thu tuc hanh chinh", "van hoa cong vu", "hai long nguoi dan" })
            Add(folded);
        foreach (var phrase in new[] { "\"cải cách hành chính\"", "\"dịch vụ công trực tuyến\"", "\"một cửa liên thông\"", "\"tiep nhan ho so\"" })
            Add(phrase);
        Add("21/KH-UBND");
        Add("86/KH-SGDĐT");
        Add("kế hoạch tuyên truyền cải cách hành chính năm 2022");
        // Issue 27: abbreviations expanded, question words, a typo corrected, a long query with a rare year.
        foreach (var understood in new[] { "TTHC", "UBND tỉnh", "kế hoạch CCHC 2022", "DVCTT", "nộp hồ sơ trực tuyến như thế nào",
                     "đường dây nóg", "tuyen truyen cai cach hanh chinh tai co so nam 2024 nhu the nao" })
            Add(understood);
        Add("cải cách hành chính", c => c with { UnitIds = [1, 2, 3] }, "cải cách hành chính + unit with sub-units");
        Add("tuyên truyền", c => c with { Kind = PostKind.Document }, "tuyên truyền + kind");
        Add("dich vu cong", c => c with { From = new DateOnly(2022, 1, 1), To = new DateOnly(2022, 12, 31) }, "dich vu cong + year 2022");
        Add("hành chính", c => c with { Sort = SearchSort.Newest }, "hành chính, newest first");
        Add("cai cach", c => c with { Page = new PageRequest(5, PageRequest.DefaultSize) }, "cai cach, page 5");
        return cases;
    }
}
