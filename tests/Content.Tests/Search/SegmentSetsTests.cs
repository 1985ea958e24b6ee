using CchcSite.Content.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CchcSite.Content.Tests.Search;

/// <summary>
/// Counting and choosing on a segment's sets per kind and unit agree with reading each document's values, and the
/// per-segment syllable vocabulary with the terms dictionary.
/// </summary>
public class SegmentSetsTests
{
    private const int QuestionKind = -1;
    private const int ProcedureKind = -2;
    private static readonly long Now = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    [Theory]
    [InlineData(8, false)]
    [InlineData(8, true)]
    [InlineData(200, true)]
    public void Counts_on_sets_agree_with_counting_document_by_document(int unitCount, bool withOthers)
    {
        using var directory = Index(2000, unitCount, withOthers, seed: unitCount);
        using var reader = DirectoryReader.Open(directory);
        var random = new Random(unitCount);
        foreach (var leaf in reader.Leaves)
        {
            var values = SegmentValues.Of(leaf.AtomicReader);
            var matches = RandomSet(random, leaf.AtomicReader.MaxDoc, 0.7);
            // A found count of zero asks for the document-by-document count, the largest for the sets (when there are sets).
            var (bySets, byDocument) = (new HitCounts(), new HitCounts());
            bySets.Count(values, matches, int.MaxValue);
            byDocument.Count(values, matches, 0);
            Assert.Equal(byDocument.Kinds, bySets.Kinds);
            Assert.Equal(byDocument.Units, bySets.Units);
            Assert.Equal(byDocument.Others.OrderBy(o => o.Key), bySets.Others.OrderBy(o => o.Key));
            Assert.Equal(withOthers, byDocument.Others.Count > 0);
            Assert.True(byDocument.Units.Count > 1);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(200)]
    public void Unit_and_kind_choices_on_sets_agree_with_each_documents_values(int unitCount)
    {
        using var directory = Index(2000, unitCount, withOthers: true, seed: unitCount + 1);
        using var reader = DirectoryReader.Open(directory);
        var random = new Random(unitCount);
        var units = new HashSet<int> { 1, 3, unitCount - 1, unitCount + 5 };
        foreach (var kind in new int?[] { null, 2 })
        {
            var visibility = new Visibility(Now, null, Now, units, kind, acceptPosts: true, otherKind: null, allOthers: true);
            foreach (var leaf in reader.Leaves)
            {
                var segment = leaf.AtomicReader;
                var values = SegmentValues.Of(segment);
                var matches = RandomSet(random, segment.MaxDoc, 0.8);
                var accepted = RandomSet(random, segment.MaxDoc, 0.05);
                var expected = Enumerable.Range(0, segment.MaxDoc).Where(doc => matches.Get(doc)
                    && (units.Contains(values.Unit[doc]) || accepted.Get(doc)) && (kind is null || values.Kind[doc] == kind)).ToList();
                visibility.Narrow(matches, values, accepted);
                Assert.Equal(expected, Enumerable.Range(0, segment.MaxDoc).Where(matches.Get).ToList());
                Assert.NotEmpty(expected);
            }
        }
    }

    /// <summary>Segments searched at once are counted each on its own and merged in their order (<see cref="IndexSearch"/>).</summary>
    [Fact]
    public void Counts_merged_segment_by_segment_agree_with_counting_them_one_after_another()
    {
        using var directory = Index(3000, 8, withOthers: true, seed: 7);
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 2);
        var random = new Random(7);
        var (whole, merged) = (new HitCounts(), new HitCounts());
        foreach (var leaf in reader.Leaves)
        {
            var values = SegmentValues.Of(leaf.AtomicReader);
            var matches = RandomSet(random, leaf.AtomicReader.MaxDoc, 0.3);
            // Some segments counted on their sets, some document by document, as the number found decides.
            var found = leaf.Ord % 2 == 0 ? int.MaxValue : 0;
            var segment = new HitCounts();
            whole.Count(values, matches, found);
            segment.Count(values, matches, found);
            merged.Add(segment);
        }
        Assert.Equal(whole.Kinds, merged.Kinds);
        Assert.Equal(whole.Units, merged.Units);
        // The other sources in the same order, not only the same counts.
        Assert.Equal(whole.Others.ToList(), merged.Others.ToList());
        Assert.Equal(2, whole.Others.Count);
    }

    /// <summary>
    /// A phrase whose rarer term is in fewer than 1 document in 64 is kept as its documents' numbers; read again from
    /// them it is the same set.
    /// </summary>
    [Fact]
    public void A_phrase_of_a_rare_term_read_again_from_its_kept_documents_is_the_same_set()
    {
        using var directory = Index(3000, 8, withOthers: false, seed: 9);
        using var reader = DirectoryReader.Open(directory);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var holding = SegmentBits.Term(leaf, SearchFields.All, RareWord)!;
            Assert.InRange(holding.Cardinality, 1, segment.MaxDoc / 64 - 1);
            for (var read = 0; read < 2; read++)
            {
                Assert.Equal(Docs(holding), Docs(SegmentBits.Phrase(segment, SearchFields.All, [RareWord, "2024"])!));
                Assert.Empty(Docs(SegmentBits.Phrase(segment, SearchFields.All, ["2024", RareWord])!));
            }
        }
    }

    private static List<int> Docs(FixedBitSet bits) => Enumerable.Range(0, bits.Length).Where(bits.Get).ToList();

    [Fact]
    public void The_syllable_vocabulary_agrees_with_the_terms_dictionary_over_segments()
    {
        using var directory = Index(3000, 8, withOthers: false, seed: 5);
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);
        foreach (var syllable in Syllables.Append("nog").Append("xyz"))
            Assert.Equal(reader.DocFreq(new Term(SearchFields.All, syllable)), SyllableVocabulary.DocumentFrequency(reader, syllable));
        Assert.Equal(0, SyllableVocabulary.DocumentFrequency(reader, "2024"));
        Assert.True(reader.DocFreq(new Term(SearchFields.All, "2024")) > 0);
    }

    private const string RareWord = "so86";
    private static readonly string[] Syllables = ["cai", "cach", "hanh", "chinh", "duong", "day", "nong", "mot", "cua"];

    /// <summary>Documents in several segments: random kinds (the other sources' negative ones if asked), units (some none) and words.</summary>
    private static RAMDirectory Index(int documents, int unitCount, bool withOthers, int seed)
    {
        var random = new Random(seed);
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
        for (var id = 0; id < documents; id++)
        {
            var kind = withOthers && random.Next(10) == 0 ? (random.Next(2) == 0 ? QuestionKind : ProcedureKind) : random.Next(5);
            var unit = random.Next(20) == 0 ? -1 : random.Next(1, unitCount + 1);
            var words = Enumerable.Range(0, 5).Select(_ => Syllables[random.Next(Syllables.Length)]);
            // One document in 211 names a rare word before the year, as a document's number is named.
            words = (id % 211 == 0 ? words.Append(RareWord) : words).Append("2024");
            writer.AddDocument(new Document
            {
                new NumericDocValuesField(SearchFields.Kind, kind),
                new NumericDocValuesField(SearchFields.Unit, unit),
                new NumericDocValuesField(SearchFields.PublishAt, Now - 1),
                new NumericDocValuesField(SearchFields.UnpublishAt, long.MaxValue),
                new TextField(SearchFields.All, string.Join(' ', words), Field.Store.NO),
            });
            if (id % 700 == 699)
                writer.Commit();
        }
        writer.Commit();
        return directory;
    }

    private static FixedBitSet RandomSet(Random random, int maxDoc, double density)
    {
        var set = new FixedBitSet(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
            if (random.NextDouble() < density)
                set.Set(doc);
        return set;
    }
}
