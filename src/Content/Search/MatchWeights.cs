namespace CchcSite.Content.Search;

/// <summary>
/// The weights of the signals a search ranks by (<see cref="MatchPlan"/>). A document number typed as written is almost
/// certainly the document wanted; a title holding a two-syllable word as typed outweighs one holding a single syllable of
/// it, and the same match in the text alone (the text's pair is the title's too); the diacritics as typed outweigh the
/// folded form ("hà" above "hạ"); syllables next to each other as typed outweigh scattered ones; another form of a
/// thesaurus term weighs less than the same match as typed, and a form written partly less than the whole form.
/// </summary>
/// <remarks>
/// <see cref="Default"/>'s values were fitted on the judged query sets by coordinate ascent on nDCG@10
/// (<c>relevance --fit</c> in tests/Benchmarks; docs/perf.md, "Eleventh tuning"): against the hand-set ones, the words typed
/// together in the text weigh more than the title's pair, and a rare word's weight is capped lower. The benchmark tries
/// other values through <see cref="IndexCriteria.Weights"/>; the site always ranks with the default.
/// </remarks>
public sealed record MatchWeights
{
    public static MatchWeights Default { get; } = new();

    public int NumberKey { get; init; } = 40;
    public int TitlePair { get; init; } = 6;
    public int TitlePairExact { get; init; } = 6;
    public int Title { get; init; } = 4;
    public int TitleExact { get; init; } = 3;
    public int ExpansionTitle { get; init; } = 8;
    public int Expansion { get; init; } = 6;
    public int PartTitle { get; init; } = 4;
    public int Part { get; init; } = 2;
    public int Pair { get; init; } = 15;
    /// <summary>A pair of a long query found in half the posts or more, or made with a function word (<see cref="FunctionWords"/>).</summary>
    public int CommonPair { get; init; } = 5;
    public int Exact { get; init; } = 3;
    /// <summary>A corrected syllable in a title weighs as a typed one: the syllable as typed is in no post to outweigh it.</summary>
    public int CorrectionTitle { get; init; } = 4;
    /// <summary>
    /// A word found several times in a post adds the least: it tells a post about "một cửa" from one that names it in
    /// passing, where every other signal is equal. A word of a question's subject found several times weighs its
    /// rarity instead, when that is more (<see cref="QuestionPhrases.Subject"/>, <see cref="MaxRare"/>).
    /// </summary>
    public int Frequent { get; init; } = 1;
    /// <summary>
    /// The typed words' run found together in a post's title or text: shared by its windows of three syllables, each found
    /// when a post holds both of its indexed pairs ("bao tro", "tro xa" of "bảo trợ xã hội"). A post holding the whole run
    /// (its two pairs and the run, 15 + 15 + 18) then outweighs one holding only a two-syllable word of it in its title (the
    /// pair, the title's pair and its two syllables, 15 + 6 + 4 + 4), and a longer part of the run a shorter one, while a
    /// long query's many windows add no more than a short one's.
    /// </summary>
    public int Run { get; init; } = 18;
    /// <summary>In a long query, where not every word must match, each word group found adds this.</summary>
    public int WordMatched { get; init; } = 3;
    /// <summary>A rare word adds up to this much, in proportion to the logarithm of how rare it is (a year among years).</summary>
    public int MaxRare { get; init; } = 5;
    public double RareScale { get; init; } = 3.75;
}
