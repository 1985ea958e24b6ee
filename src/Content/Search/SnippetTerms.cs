using System.Buffers;

namespace CchcSite.Content.Search;

/// <summary>
/// What a result's snippet marks: each folded syllable the user typed wherever it stands, and the forms the query was
/// widened to (a thesaurus term's other forms, a number's other groupings, a qualifier's) only where they stand whole.
/// A form's lone syllable says nothing of the query: "bộ" of "cán bộ" (for CBCCVC) inside "Bộ phận", or "căn" folding to
/// the "can" of "cán". A syllable typed with its marks is marked where a text writes it so ("dưỡng" of "bồi dưỡng", not
/// "đường"), unless the text never does: then the mark typed may be wrong, and its folded matches are what was found.
/// </summary>
public sealed class SnippetTerms
{
    private readonly HashSet<string> _typed;
    private readonly List<IReadOnlyList<string>> _forms = [];
    /// <summary>The written forms (lower-cased, normalised) of the syllables typed with marks, by their folded form.</summary>
    private readonly Dictionary<string, HashSet<string>> _written = new(StringComparer.Ordinal);

    internal SnippetTerms(IReadOnlyList<QueryPart> parts)
    {
        _typed = SearchQueryBuilder.FoldedTerms(parts);
        Syllables = new HashSet<string>(_typed, StringComparer.Ordinal);
        foreach (var part in parts.Where(p => p.HasDiacritics))
            for (var k = 0; k < part.Folded.Count; k++)
                if (part.Exact[k] != part.Folded[k])
                {
                    if (!_written.TryGetValue(part.Folded[k], out var forms))
                        _written[part.Folded[k]] = forms = new HashSet<string>(StringComparer.Ordinal);
                    forms.Add(part.Exact[k]);
                }
    }

    /// <summary>Every syllable that may be marked: what a text's words are looked up by.</summary>
    public HashSet<string> Syllables { get; }

    /// <summary>A syllable marked wherever it stands, as one typed without marks: a correction of a mistyped one.</summary>
    public void AddTyped(string syllable)
    {
        _typed.Add(syllable);
        Syllables.Add(syllable);
    }

    /// <summary>A form the query was widened to, marked only where its syllables follow each other in order.</summary>
    public void AddForm(IReadOnlyList<string> folded)
    {
        if (folded.Count == 1)
        {
            AddTyped(folded[0]);
            return;
        }
        _forms.Add(folded);
        Syllables.UnionWith(folded);
    }

    /// <summary>The words of a text's <paramref name="matches"/> (its words among <see cref="Syllables"/>, in order) to mark.</summary>
    public List<AnalyzedToken> Marked(string text, List<AnalyzedToken> matches)
    {
        if (_forms.Count == 0 && _written.Count == 0)
            return matches;
        // Whether each match is written as typed, for the syllables typed with marks, and which of those the text writes so.
        var asTyped = new bool[matches.Count];
        var writtenSo = new HashSet<string>(StringComparer.Ordinal);
        var buffer = ArrayPool<char>.Shared.Rent(64);
        try
        {
            for (var i = 0; i < matches.Count; i++)
                if (_written.TryGetValue(matches[i].Term, out var forms) && IsWrittenAs(text, matches[i], forms, ref buffer))
                {
                    asTyped[i] = true;
                    writtenSo.Add(matches[i].Term);
                }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        var marked = new bool[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            if (_typed.Contains(matches[i].Term) && (asTyped[i] || !writtenSo.Contains(matches[i].Term)))
                marked[i] = true;
            foreach (var form in _forms)
                if (StandsAt(matches, i, form))
                    Array.Fill(marked, true, i, form.Count);
        }
        return Array.TrueForAll(marked, m => m) ? matches : matches.Where((_, i) => marked[i]).ToList();
    }

    /// <summary>
    /// Whether a word of the text, read as the exact analyser reads it (its marks normalised, lower-cased), is one of the
    /// forms; in <paramref name="buffer"/>, as this runs on every match of a syllable typed with marks in ten bodies.
    /// </summary>
    private static bool IsWrittenAs(string text, AnalyzedToken token, HashSet<string> forms, ref char[] buffer)
    {
        var length = token.End - token.Start;
        if (buffer.Length < length)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(length);
        }
        text.CopyTo(token.Start, buffer, 0, length);
        length = VietnameseText.NormalizeWord(buffer, length);
        var word = buffer.AsSpan(0, length);
        for (var k = 0; k < word.Length; k++)
            word[k] = char.ToLowerInvariant(word[k]);
        return forms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static bool StandsAt(List<AnalyzedToken> matches, int at, IReadOnlyList<string> form)
    {
        if (at + form.Count > matches.Count)
            return false;
        for (var k = 0; k < form.Count; k++)
            if (matches[at + k].Term != form[k] || (k > 0 && !SnippetBuilder.Adjacent(matches[at + k - 1], matches[at + k])))
                return false;
        return true;
    }
}
