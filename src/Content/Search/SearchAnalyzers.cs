using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// The ways text is analysed. None drops stop words: "không" in "không thu phí" carries the meaning.
/// <list type="bullet">
/// <item><see cref="Exact"/>: words as written, lower-cased (ranks "hà" above "hạ" for a query typed with diacritics).</item>
/// <item><see cref="Folded"/>: diacritics removed and đ → d, so "cai cach" finds "cải cách".</item>
/// <item><see cref="Shingles"/>: folded two-word shingles; most Vietnamese words are two syllables, so adjacent syllables rank higher.</item>
/// </list>
/// Indexed text is analysed by <see cref="IndexedText"/>: one pass of <see cref="Exact"/> that yields the folded, written
/// and paired forms of every word at once.
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Exact { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, ExactChain(source));
    });

    public static Analyzer Folded { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(ExactChain(source)));
    });

    public static Analyzer Shingles { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        var shingles = new ShingleFilter(new ASCIIFoldingFilter(ExactChain(source)), 2, 2);
        shingles.SetOutputUnigrams(false);
        shingles.SetTokenSeparator(IndexedText.PairSeparator.ToString());
        return new TokenStreamComponents(source, shingles);
    });

    /// <summary>
    /// The writer's analyzer. Text fields bring their own tokens (<see cref="IndexedText"/>), so every other indexed
    /// field is a keyword: one term, as given.
    /// </summary>
    public static Analyzer Keywords { get; } = new KeywordAnalyzer();

    private static TokenStream ExactChain(Tokenizer source) => new VietnameseNormalizationFilter(source);

    /// <summary>The tokens of a text with their offsets in it.</summary>
    public static List<AnalyzedToken> Tokens(Analyzer analyzer, string text) => Tokens(analyzer, text, keep: null);

    /// <summary>
    /// The tokens of a text that are in <paramref name="keep"/> (all of them when null), with their offsets in it. The
    /// others are looked up without making a string of them: a snippet keeps a few words of a long body.
    /// </summary>
    public static List<AnalyzedToken> Tokens(Analyzer analyzer, string text, HashSet<string>? keep)
    {
        var tokens = new List<AnalyzedToken>();
        var lookup = keep?.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream("", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            if (lookup is not { } set || set.TryGetValue(term.Buffer.AsSpan(0, term.Length), out _))
                tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return tokens;
    }
}

public readonly record struct AnalyzedToken(string Term, int Start, int End);
