namespace CchcSite.Content.Search;

/// <summary>
/// What a result's snippet marks: each folded syllable the user typed wherever it stands, and the forms the query was
/// widened to (a thesaurus term's other forms, a number's other groupings, a qualifier's) only where they stand whole.
/// A form's lone syllable says nothing of the query: "bộ" of "cán bộ" (for CBCCVC) inside "Bộ phận", or "căn" folding to
/// the "can" of "cán".
/// </summary>
public sealed class SnippetTerms
{
    private readonly HashSet<string> _typed;
    private readonly List<IReadOnlyList<string>> _forms = [];

    public SnippetTerms(IEnumerable<string> typed)
    {
        _typed = typed.ToHashSet(StringComparer.Ordinal);
        Syllables = new HashSet<string>(_typed, StringComparer.Ordinal);
    }

    /// <summary>Every syllable that may be marked: what a text's words are looked up by.</summary>
    public HashSet<string> Syllables { get; }

    /// <summary>A syllable marked wherever it stands: one the user typed, or a correction of one.</summary>
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
    public List<AnalyzedToken> Marked(List<AnalyzedToken> matches)
    {
        if (_forms.Count == 0)
            return matches;
        var marked = new bool[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            if (_typed.Contains(matches[i].Term))
                marked[i] = true;
            foreach (var form in _forms)
                if (StandsAt(matches, i, form))
                    Array.Fill(marked, true, i, form.Count);
        }
        return matches.Where((_, i) => marked[i]).ToList();
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
