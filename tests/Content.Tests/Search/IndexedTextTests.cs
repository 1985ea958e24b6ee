using CchcSite.Content.Search;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace CchcSite.Content.Tests.Search;

public class IndexedTextTests
{
    private static readonly string?[] TitleAndBody = ["Đăng ký", "Cải cách hành doc"];

    [Fact]
    public void One_pass_feeds_the_folded_words_with_positions_and_values_a_gap_apart()
    {
        Assert.Equal([("dang", 1), ("ky", 1), ("cai", 1 + IndexedText.ValueGap), ("cach", 1), ("hanh", 1), ("doc", 1)],
            Terms(Document(TitleAndBody), SearchFields.All));
    }

    [Fact]
    public void Only_words_written_differently_from_their_folded_form_are_exact_terms() =>
        Assert.Equal(["đăng", "ký", "cải", "cách", "hành"], Texts(Document(TitleAndBody), SearchFields.Exact));

    [Fact]
    public void Pairs_join_adjacent_words_of_one_value_only() =>
        Assert.Equal(["dang ky", "cai cach", "cach hanh", "hanh doc"], Texts(Document(TitleAndBody), SearchFields.Pairs));

    [Fact]
    public void The_title_field_stacks_the_written_form_on_the_folded_one() =>
        Assert.Equal([("dang", 1), ("đăng", 0), ("ky", 1), ("ký", 0)], Terms(Document(TitleAndBody), SearchFields.Title));

    [Fact]
    public void Missing_values_leave_no_gap_and_no_title()
    {
        var document = Document([null, " ", "Một cửa"]);

        Assert.Empty(Terms(document, SearchFields.Title));
        Assert.Equal([("mot", 1), ("cua", 1)], Terms(document, SearchFields.All));
    }

    [Fact]
    public void Each_document_replays_its_own_words_when_the_thread_analysed_another_since()
    {
        var first = Document(["Hồ sơ"]);
        var second = Document(["Thủ tục"]);

        Assert.Equal(["thu tuc"], Texts(second, SearchFields.Pairs));
        Assert.Equal(["ho so"], Texts(first, SearchFields.Pairs));
        Assert.Equal(["thủ", "tục"], Texts(second, SearchFields.Exact));
    }

    [Fact]
    public void A_very_long_text_is_replayed_whole_and_the_next_one_after_it_correctly()
    {
        const int words = 200_000; // a long attachment: more than the analysis keeps buffered between documents
        var longText = Document(["Phụ lục", string.Join(' ', Enumerable.Repeat("một cửa", words / 2))]);
        var shortText = Document(["Hồ sơ"]);

        Assert.Equal(words + 2, Terms(longText, SearchFields.All).Count);
        Assert.Equal(["ho so"], Texts(shortText, SearchFields.Pairs));
        Assert.Equal(1 + (words - 1), Texts(longText, SearchFields.Pairs).Count); // the title's pair and the body's
    }

    [Fact]
    public void A_phrase_is_found_within_a_value_and_never_across_two()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.Keywords)))
        {
            writer.AddDocument(Document(["Kế hoạch năm", "hành chính công"]));
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        Assert.Equal(1, searcher.Search(Phrase("hanh", "chinh", "cong"), 1).TotalHits);
        Assert.Equal(0, searcher.Search(Phrase("nam", "hanh", "chinh"), 1).TotalHits);
        Assert.Equal(0, searcher.Search(new TermQuery(new Term(SearchFields.Pairs, "nam hanh")), 1).TotalHits);
        Assert.Equal(1, searcher.Search(new TermQuery(new Term(SearchFields.Exact, "năm")), 1).TotalHits);
    }

    [Fact]
    public void Title_pairs_are_the_folded_pairs_of_the_title_and_the_written_pairs_where_both_words_have_diacritics() =>
        Assert.Equal(["dang ky", "đăng ký", "ky ho", "ký hồ", "ho so", "hồ sơ", "so pdf"],
            Texts(Document(["Đăng ký hồ sơ PDF", "Cải cách"]), SearchFields.TitlePairs));

    [Fact]
    public void Each_document_replays_its_own_title_pairs()
    {
        var first = Document(["Hồ sơ"]);
        var second = Document(["Thủ tục"]);

        Assert.Equal(["thu tuc", "thủ tục"], Texts(second, SearchFields.TitlePairs));
        Assert.Equal(["ho so", "hồ sơ"], Texts(first, SearchFields.TitlePairs));
    }

    /// <summary>Titles whose words are written with and without diacritics, partly, or in a script that does not fold.</summary>
    private static readonly string[] PairTitles =
    [
        "Hà Nội", "Ha Noi", "Hà noi", "ha Nội", "Hạ Nội", "Nội Hà", "Về Hà, Nội Bài", "Hà Nội Hà Nội", "Thủ đô Hà. Nội",
        "Tiếng 中 文", "hà nội hạ",
    ];

    [Theory]
    [InlineData("ha", "noi")]
    [InlineData("hà", "nội")]
    [InlineData("hạ", "nội")]
    [InlineData("noi", "ha")]
    [InlineData("nội", "hà")]
    [InlineData("noi", "bai")]
    [InlineData("中", "文")]
    [InlineData("tieng", "中")]
    public void A_title_pair_term_holds_exactly_the_titles_the_phrase_of_its_words_matches(string first, string second)
    {
        using var reader = IndexOf(PairTitles);
        var pair = IndexedText.TitlePair(first, second);

        Assert.NotNull(pair);
        Assert.Equal(Matching(reader, TitlePhrase(first, second)),
            Matching(reader, new TermQuery(new Term(SearchFields.TitlePairs, pair))));
        Assert.NotEmpty(Matching(reader, TitlePhrase(first, second)));
    }

    [Theory]
    [InlineData("hà", "noi")]
    [InlineData("ha", "nội")]
    public void A_folded_word_next_to_a_written_one_has_no_pair_term_and_is_read_through_positions(string first, string second)
    {
        using var reader = IndexOf(PairTitles);

        Assert.Null(IndexedText.TitlePair(first, second));
        // Either form of the other word is next to it: no one term of written or folded pairs would hold them all.
        Assert.Contains("Hà Nội", Matching(reader, TitlePhrase(first, second)));
        Assert.Contains(first == "hà" ? "Hà noi" : "ha Nội", Matching(reader, TitlePhrase(first, second)));
    }

    private static DirectoryReader IndexOf(IEnumerable<string> titles)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.Keywords)))
        {
            foreach (var title in titles)
            {
                var document = Document([title, "nội dung"]);
                document.Add(new StoredField("t", title));
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        return DirectoryReader.Open(directory);
    }

    private static List<string> Matching(IndexReader reader, Query query) =>
        new IndexSearcher(reader).Search(query, 100).ScoreDocs.Select(hit => reader.Document(hit.Doc).Get("t")).Order().ToList();

    private static PhraseQuery Phrase(params string[] words) => Phrase(SearchFields.All, words);

    private static PhraseQuery TitlePhrase(params string[] words) => Phrase(SearchFields.Title, words);

    private static PhraseQuery Phrase(string field, string[] words)
    {
        var phrase = new PhraseQuery();
        foreach (var word in words)
            phrase.Add(new Term(field, word));
        return phrase;
    }

    private static Document Document(string?[] values)
    {
        var document = new Document();
        new IndexedText(values).AddTo(document);
        return document;
    }

    private static List<string> Texts(Document document, string field) => Terms(document, field).Select(t => t.Term).ToList();

    /// <summary>The field's tokens as the index writer reads them.</summary>
    private static List<(string Term, int Increment)> Terms(Document document, string field)
    {
        var terms = new List<(string, int)>();
        using var stream = document.GetField(field).GetTokenStream(SearchAnalyzers.Keywords);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add((term.ToString(), increment.PositionIncrement));
        stream.End();
        return terms;
    }
}
