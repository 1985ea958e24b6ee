using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcSite.Content.Search;

/// <summary>
/// Applies <see cref="VietnameseText.NormalizeWord(char[], int)"/> to every token. A token filter rather than a
/// char filter, so that offsets keep pointing into the original text and snippets can be highlighted on it.
/// </summary>
public sealed class VietnameseNormalizationFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public VietnameseNormalizationFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        _term.Length = VietnameseText.NormalizeWord(_term.Buffer, _term.Length);
        return true;
    }
}
