namespace CchcSite.Content.Search;

/// <summary>
/// The query with its mistyped syllables replaced by their corrections, for "did you mean". A correction is found folded
/// ("luong"), which names several written words ("lương", "lượng", "luồng"); it is offered as the posts found write it,
/// next to the words typed around it where they can tell ("tiền lương", not "tiền lượng"). The texts are what the index
/// stores of the page's hits, summaries and bodies: a word written only in a title is offered folded.
/// </summary>
internal sealed class QueryCorrection
{
    private readonly IReadOnlyList<string> _prefix;
    private readonly string[] _words;
    private readonly IReadOnlyList<Corrected> _corrected;

    /// <param name="prefix">What is offered as typed before the words: the quoted phrases.</param>
    /// <param name="words">The typed words, the corrected ones folded.</param>
    public QueryCorrection(IReadOnlyList<string> prefix, IReadOnlyList<string> words, IReadOnlyList<Corrected> corrected)
    {
        _prefix = prefix;
        _words = [.. words];
        _corrected = corrected;
    }

    /// <summary>A corrected word: its place among the typed words, its folded form, and the folded syllables beside it.</summary>
    public sealed record Corrected(int At, string Folded, string? Before, string? After);

    /// <summary>
    /// The corrected query, each correction spelled as the texts write it: the occurrence with the most of its typed
    /// neighbours right beside it, the earlier text and then the earlier place winning ties; folded when no text holds it.
    /// </summary>
    public string Spelled(IEnumerable<string?> texts)
    {
        var words = (string[])_words.Clone();
        var best = new (int Score, string? Written)[_corrected.Count];
        var keep = _corrected.SelectMany(c => new[] { c.Folded, c.Before, c.After }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
                continue;
            var tokens = SnippetBuilder.Matches(text, keep);
            for (var t = 0; t < tokens.Count; t++)
                for (var k = 0; k < _corrected.Count; k++)
                {
                    var correction = _corrected[k];
                    if (tokens[t].Term != correction.Folded)
                        continue;
                    var score = 1 + (Beside(tokens, t, -1, correction.Before) ? 1 : 0) + (Beside(tokens, t, 1, correction.After) ? 1 : 0);
                    if (score > best[k].Score)
                        best[k] = (score, text[tokens[t].Start..tokens[t].End].ToLowerInvariant());
                }
        }
        for (var k = 0; k < _corrected.Count; k++)
            words[_corrected[k].At] = best[k].Written ?? _corrected[k].Folded;
        return string.Join(' ', _prefix.Concat(words));
    }

    /// <summary>Whether the token <paramref name="offset"/> places from the one at <paramref name="at"/> is the typed neighbour, right beside it.</summary>
    private static bool Beside(List<AnalyzedToken> tokens, int at, int offset, string? neighbour)
    {
        var other = at + offset;
        if (neighbour is null || other < 0 || other >= tokens.Count || tokens[other].Term != neighbour)
            return false;
        return offset < 0 ? SnippetBuilder.Adjacent(tokens[other], tokens[at]) : SnippetBuilder.Adjacent(tokens[at], tokens[other]);
    }
}
