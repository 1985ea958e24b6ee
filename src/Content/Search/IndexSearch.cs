using System.Globalization;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// What the index is asked, with units already expanded to their sub-units: posts, or published questions when
/// <c>Questions</c>, or the documents of another source (<c>OtherKind</c>). A post search with <c>CountQuestions</c> also
/// counts the questions and the other sources' documents the words find, in the same pass, without making them hits.
/// </summary>
public sealed record IndexCriteria(
    UserQuery Query,
    DateTime UtcNow,
    IReadOnlyCollection<int>? UnitIds = null,
    PostKind? Kind = null,
    string? CategorySlug = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchSort Sort = SearchSort.Relevance,
    bool Questions = false,
    bool CountQuestions = false)
{
    public PageRequest Page { get; init; } = new();

    /// <summary>The ranking signals' weights: the default everywhere but in the relevance benchmark's fit.</summary>
    public MatchWeights Weights { get; init; } = MatchWeights.Default;

    /// <summary>The abbreviations and their full forms the words are expanded with (none when null).</summary>
    public Thesaurus? Thesaurus { get; init; }
    /// <summary>
    /// The unit whose section the search stands for: posts its board accepted from sub-units pass the unit filter too, as
    /// they are in its section. Only with <c>UnitIds</c>.
    /// </summary>
    public int? AcceptedInto { get; init; }
    /// <summary>Searches the documents of one other source alone, by its kind value (procedures: <c>ProcedureSearchDocument.KindValue</c>).</summary>
    public int? OtherKind { get; init; }

    /// <summary>The kind of documents that are hits: null for posts.</summary>
    internal int? HitKind => Questions ? QuestionSearchDocument.KindValue : OtherKind;
}

/// <summary>A post's id, or a question's when questions were asked for.</summary>
public sealed record IndexHit(int Id, string SnippetHtml);

/// <param name="Correction">The query with its mistyped syllables corrected, when a syllable the index does not hold was
/// corrected and the correction found posts: offered as "did you mean".</param>
/// <remarks><see cref="Others"/>: with <c>CountQuestions</c>, the matches of every other source by kind value, questions included.</remarks>
public sealed record IndexMatches(IReadOnlyList<IndexHit> Hits, int TotalCount, IReadOnlyDictionary<long, int> Kinds, IReadOnlyDictionary<long, int> Units,
    int QuestionCount, string? Correction = null)
{
    public IReadOnlyDictionary<long, int> Others { get; init; } = new Dictionary<long, int>();

    /// <summary>The words typed that no post holds, which the search went without, when it found posts.</summary>
    public IReadOnlyList<string> Unfound { get; init; } = [];
}

/// <summary>
/// Runs one search on the index alone: matching, filtering, counting, one page and its snippets.
/// </summary>
/// <remarks>
/// The words citizens type ("cải cách hành chính") are in nearly every reform post, and scoring each of tens of
/// thousands of matches through Lucene's scorers was most of a search's time. So matching, filtering, counting and
/// ranking work on bitsets (<see cref="MatchPlan"/>): hits are ordered by the weight of their signals (document
/// number, title, diacritics as typed, adjacent syllables, a word found several times), newest first among equals.
/// </remarks>
public static class IndexSearch
{
    /// <summary>Deeper pages than this are not served: nobody reads them, and each costs a larger queue.</summary>
    public const int MaxDepth = 1000;

    public static IndexMatches Find(SearchIndex index, IndexCriteria criteria) => Find(index, criteria, DocumentsWorthAThread);

    /// <param name="documentsWorthAThread">The documents a segment needs to be searched on a thread of its own
    /// (<see cref="DocumentsWorthAThread"/>): tests choose one segment at a time or always several, which must give the
    /// same results.</param>
    internal static IndexMatches Find(SearchIndex index, IndexCriteria criteria, int documentsWorthAThread)
    {
        var visibility = VisibilityOf(criteria);
        var relevance = criteria.Sort == SearchSort.Relevance;
        // In 64 bits: a page number typed in an address can be anything up to int.MaxValue.
        var skip = criteria.Page.Skip;
        var depth = (int)Math.Min(skip + criteria.Page.PageSize, MaxDepth);

        return index.Search(searcher =>
        {
            var plan = new MatchPlan(criteria.Query, criteria.Thesaurus, searcher.IndexReader, criteria.Weights);
            var leaves = searcher.IndexReader.Leaves;
            var counts = new HitCounts();
            var total = 0;
            var best = new BestHits(depth);
            if (SearchesAtOnce(leaves, documentsWorthAThread))
            {
                // Each segment is matched, filtered, counted and weighed on its own, its best into a queue of its own.
                // The counts are merged in the segments' order, as counted one after another; the merged queue orders
                // by keys and document number alone, so it holds the same hits in the same order as when the segments
                // are offered one by one.
                var bySegment = new (HitCounts Counts, int Found, BestHits? Best)[leaves.Count];
                Parallel.For(0, leaves.Count, OneThreadPerCore, i =>
                {
                    var segmentCounts = new HitCounts();
                    var segment = Narrow(plan, leaves[i], criteria, visibility, segmentCounts);
                    BestHits? segmentBest = null;
                    if (segment is { Count: > 0 } && depth > 0)
                        OfferBest(plan, segment, relevance, depth, segmentBest = new BestHits(depth));
                    bySegment[i] = (segmentCounts, segment?.Count ?? 0, segmentBest);
                });
                foreach (var (segmentCounts, found, segmentBest) in bySegment)
                {
                    counts.Add(segmentCounts);
                    total += found;
                    if (segmentBest is not null)
                        best.OfferAll(segmentBest);
                }
            }
            else
                foreach (var leaf in leaves)
                    if (Narrow(plan, leaf, criteria, visibility, counts) is { Count: > 0 } segment)
                    {
                        total += segment.Count;
                        if (depth > 0)
                            OfferBest(plan, segment, relevance, depth, best);
                    }

            var ordered = best.InOrder();
            // A page past the end, or past the depth served, is an empty page, as in the post list.
            var texts = ordered.Skip((int)Math.Min(skip, ordered.Length)).Take(criteria.Page.PageSize)
                .Select(doc => index.HitTexts.Read(searcher, doc)).ToList();
            var hits = texts.Select(t => new IndexHit(QuestionSearchDocument.NumberOf(t.Id), SnippetBuilder.Build(plan.Snippets, t.Summary, t.Body))).ToList();
            // Spelled as the page's posts write it: a search that found nothing offers no correction.
            var correction = total > 0 ? plan.Correction?.Spelled(texts.SelectMany(t => new[] { t.Summary, t.Body })) : null;
            return new IndexMatches(hits, total, counts.Kinds, counts.Units, counts.Questions, correction)
                { Others = counts.Others, Unfound = total > 0 ? plan.Unfound : [] };
        });
    }

    /// <summary>A segment's documents left after matching and filtering: the hits, <c>Count</c> of them.</summary>
    private sealed record SegmentMatches(AtomicReaderContext Leaf, SegmentValues Values, FixedBitSet Hits, int Count);

    /// <summary>
    /// The segment's hits: its matches narrowed to what is visible and chosen, counted by kind and unit into
    /// <paramref name="counts"/> before they are narrowed to the kind of documents that are hits. Null when nothing matches.
    /// </summary>
    private static SegmentMatches? Narrow(MatchPlan plan, AtomicReaderContext leaf, IndexCriteria criteria, Visibility visibility, HitCounts counts)
    {
        if (plan.Match(leaf) is not { } matches)
            return null;
        var reader = leaf.AtomicReader;
        FixedBitSet? category = null;
        if (criteria.CategorySlug is { } slug && (category = SegmentBits.Term(leaf, SearchFields.Category, slug)) is null)
            return null;
        var accepted = criteria is { AcceptedInto: { } section, UnitIds: not null }
            ? SegmentBits.Term(leaf, SearchFields.AcceptedInto, SearchDocument.UnitKey(section)) : null;
        var values = SegmentValues.Of(reader);
        matches.And(visibility.Public(reader, values));
        if (category is not null)
            matches.And(category);
        // Filter and count first, so that only the hits are weighed.
        if (visibility.HasChoices)
            visibility.Narrow(matches, values, accepted);
        counts.Count(values, matches, matches.Cardinality);
        Visibility.KeepOnly(matches, criteria.HitKind is { } other ? values.Sets.Kinds.GetValueOrDefault(other) : values.Sets.Posts);
        return new SegmentMatches(leaf, values, matches, matches.Cardinality);
    }

    /// <summary>
    /// Below this many documents in a segment its search is not worth a thread. Measured (docs/perf.md, search-1m3 and
    /// search-1m4): on the million-post index (four segments of about 250,000 posts) the threads cost no CPU we could see,
    /// but on 100,000 posts (segments of 20,000–30,000) they cost about a tenth more CPU per search for no gain, so segments
    /// that size, and a small site's, are searched one after another; so is every segment on a machine of one core.
    /// </summary>
    private static readonly int DocumentsWorthAThread = Environment.ProcessorCount > 1 ? 50_000 : int.MaxValue;

    private static readonly ParallelOptions OneThreadPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>
    /// Whether the segments are searched on several threads at once: when at least two of them are large enough for
    /// their matching and weighing to outweigh the threads' cost. A long query matching most of a million posts weighs each
    /// of a few large segments in milliseconds, and nothing ties one segment's search to another's until their counts
    /// and best are merged. Decided on the segments' sizes, as their hits are only known once matched, which is part of
    /// what the threads do.
    /// </summary>
    private static bool SearchesAtOnce(IList<AtomicReaderContext> leaves, int documentsWorthAThread) =>
        leaves.Count(leaf => leaf.AtomicReader.MaxDoc >= documentsWorthAThread) >= 2;

    /// <summary>Offers the segment's hits that can be among the best <paramref name="depth"/> to <paramref name="best"/>.</summary>
    private static void OfferBest(MatchPlan plan, SegmentMatches segment, bool relevance, int depth, BestHits best)
    {
        var (leaf, values, matches, found) = segment;
        // Only the segment's best `depth` can be on the page, and a common word matches most of a segment: they are
        // found on the bitsets first, so that the queue sees about `depth` documents, not every match.
        if (relevance)
        {
            using var weights = plan.Weigh(leaf, matches);
            var (above, tied) = found <= depth ? (matches, null) : weights.Split(matches, depth, leaf.AtomicReader.MaxDoc);
            foreach (var doc in MatchPlan.Docs(above))
                best.Offer(leaf.DocBase + doc, weights[doc], values.PublishAt[doc]);
            if (tied is not null)
                foreach (var doc in values.NewestIn(tied, tied.Cardinality, depth - above.Cardinality))
                    best.Offer(leaf.DocBase + doc, weights[doc], values.PublishAt[doc]);
        }
        else
            foreach (var doc in values.NewestIn(matches, found, depth))
                best.Offer(leaf.DocBase + doc, values.PublishAt[doc], 0);
    }

    /// <summary>The visibility window against "now", the date range, and the unit and kind choices.</summary>
    private static Visibility VisibilityOf(IndexCriteria criteria)
    {
        var now = criteria.UtcNow.Ticks;
        var latest = criteria.To is { } to ? Math.Min(now, VietnamTime.StartOfDayUtc(to.AddDays(1)).Ticks - 1) : now;
        var earliest = criteria.From is { } from ? VietnamTime.StartOfDayUtc(from).Ticks : (long?)null;
        return new Visibility(now, earliest, latest, criteria.UnitIds?.ToHashSet(), criteria.Kind is { } kind ? (int)kind : null,
            acceptPosts: criteria.HitKind is null, otherKind: criteria.HitKind, allOthers: criteria.CountQuestions);
    }
}

/// <summary>The best hits seen so far by two keys, higher first, then the lower document number.</summary>
internal sealed class BestHits(int capacity)
{
    private readonly PriorityQueue<int, (long Primary, long Secondary, int Doc)> _worstFirst = new(capacity + 1, Worse.Instance);

    public void Offer(int doc, long primary, long secondary)
    {
        var key = (primary, secondary, doc);
        if (_worstFirst.Count < capacity)
            _worstFirst.Enqueue(doc, key);
        else if (capacity > 0 && _worstFirst.TryPeek(out _, out var worst) && Worse.Instance.Compare(worst, key) < 0)
            _worstFirst.DequeueEnqueue(doc, key);
    }

    /// <summary>Offers every hit of another queue, as it was offered there.</summary>
    public void OfferAll(BestHits other)
    {
        foreach (var (doc, (primary, secondary, _)) in other._worstFirst.UnorderedItems)
            Offer(doc, primary, secondary);
    }

    /// <summary>The hits, best first.</summary>
    public int[] InOrder()
    {
        var ordered = new int[_worstFirst.Count];
        for (var i = ordered.Length - 1; i >= 0; i--)
            ordered[i] = _worstFirst.Dequeue();
        return ordered;
    }

    /// <summary>Orders keys worst first: lower keys, then the higher document number.</summary>
    private sealed class Worse : IComparer<(long Primary, long Secondary, int Doc)>
    {
        public static readonly Worse Instance = new();

        public int Compare((long Primary, long Secondary, int Doc) x, (long Primary, long Secondary, int Doc) y) =>
            x.Primary != y.Primary ? x.Primary.CompareTo(y.Primary)
            : x.Secondary != y.Secondary ? x.Secondary.CompareTo(y.Secondary)
            : y.Doc.CompareTo(x.Doc);
    }
}

