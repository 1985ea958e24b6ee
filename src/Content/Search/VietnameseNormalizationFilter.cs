using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcSite.Content.Search;

/// <summary>
/// Applies <see cref="VietnameseText.NormalizeWord(char[], int)"/> to every token and lower-cases it. A token filter
/// rather than a char filter, so that offsets keep pointing into the original text and snippets can be highlighted on it.
/// </summary>
/// <remarks>
/// Lower-casing here rather than with Lucene's LowerCaseFilter: that one asks the culture machinery (ICU) for every
/// non-ASCII character, which was half of all indexing time in a profile of the benchmark. Vietnamese letters all
/// lie below U+2000, so a table made once answers them.
/// </remarks>
public sealed class VietnameseNormalizationFilter : TokenFilter
{
    private const int TableSize = 0x2000;
    private static readonly char[] Lower = BuildLowerTable();

    private readonly ICharTermAttribute _term;

    public VietnameseNormalizationFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var buffer = _term.Buffer;
        var length = VietnameseText.NormalizeWord(buffer, _term.Length);
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            buffer[i] = c < TableSize ? Lower[c] : char.ToLowerInvariant(c);
        }
        _term.Length = length;
        return true;
    }

    private static char[] BuildLowerTable()
    {
        var table = new char[TableSize];
        for (var c = 0; c < TableSize; c++)
            table[c] = char.ToLowerInvariant((char)c);
        return table;
    }
}
