using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace CchcSite.Content.Search;

/// <summary>
/// The text of one indexed document — its title first, then its other values (summary, body, tags…) — tokenised and
/// normalised once, and fed from that single pass to the five fields that hold it: <see cref="SearchFields.All"/>,
/// <see cref="SearchFields.Exact"/>, <see cref="SearchFields.Pairs"/>, <see cref="SearchFields.Title"/> and
/// <see cref="SearchFields.TitlePairs"/>.
/// </summary>
/// <remarks>
/// Stacked in one field with positions, the many distinct pairs were about half of a rebuild's time; in fields of their
/// own they need no positions, and analysing the text again for each field would cost about a fifth more. The analysis
/// is made on the indexing thread when the writer asks for the first of the fields, into buffers that thread keeps;
/// each field then replays it through a token stream that thread keeps too, because Lucene.Net makes a new token
/// stream, with its attribute objects, expensively.
/// </remarks>
internal sealed class IndexedText(IReadOnlyList<string?> values)
{
    /// <summary>Positions between two values, so a phrase never joins the end of one to the start of the next.</summary>
    public const int ValueGap = 100;

    /// <summary>Between the two words of a pair term; the query side makes its pairs with the same.</summary>
    public const char PairSeparator = ' ';

    /// <summary>The word forms with their positions and frequencies: what words and phrases are matched in.</summary>
    private static readonly FieldType Positions = new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true }.Freeze();

    /// <summary>
    /// Which documents hold a term and nothing more, for the exact forms and the pairs: they are only ever asked
    /// "which documents", and their many distinct terms made frequencies and positions the costliest part of a rebuild.
    /// </summary>
    private static readonly FieldType DocumentsOnly = new FieldType(Positions) { IndexOptions = IndexOptions.DOCS_ONLY }.Freeze();

    [ThreadStatic] private static Analysis? t_analysis;
    [ThreadStatic] private static Replay? t_replay;

    public void AddTo(Document document)
    {
        document.Add(new ReplayedField(SearchFields.All, Positions, this, Terms.Folded));
        document.Add(new ReplayedField(SearchFields.Exact, DocumentsOnly, this, Terms.Exact));
        document.Add(new ReplayedField(SearchFields.Pairs, DocumentsOnly, this, Terms.Pairs));
        document.Add(new ReplayedField(SearchFields.Title, Positions, this, Terms.Title));
        document.Add(new ReplayedField(SearchFields.TitlePairs, DocumentsOnly, this, Terms.TitlePairs));
    }

    /// <summary>
    /// The <see cref="SearchFields.TitlePairs"/> term holding exactly the titles that the phrase of these two
    /// <see cref="SearchFields.Title"/> terms matches, or null when none does and the phrase must be read through
    /// positions. A title word's position holds its folded form and, stacked, its written form when that differs; a
    /// folded form is its own folding and a written one never is. So two folded terms are the folded pair, and two
    /// written ones the written pair, which is indexed when both words are written otherwise; a folded term next to a
    /// written one (diacritics typed on one word only) could be next to either form of the other word, and is not indexed.
    /// </summary>
    public static string? TitlePair(string first, string second) =>
        IsFolded(first) == IsFolded(second) ? first + PairSeparator + second : null;

    private static bool IsFolded(string term)
    {
        if (!term.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'))
            return true;
        var folded = new char[term.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(term.ToCharArray(), 0, folded, 0, term.Length);
        return folded.AsSpan(0, length).SequenceEqual(term);
    }

    /// <summary>This text's analysis on the calling thread, made now unless the thread's last one was of this text.</summary>
    private Analysis Analysed()
    {
        var analysis = t_analysis ??= new Analysis();
        if (!ReferenceEquals(analysis.Owner, this))
            analysis.Analyse(this, values);
        return analysis;
    }

    private enum Terms
    {
        /// <summary>Every word folded (no diacritics, đ → d), at its position.</summary>
        Folded,
        /// <summary>The words whose written form differs from the folded one, as written.</summary>
        Exact,
        /// <summary>The folded pair of each two adjacent words of a value: "cai cach".</summary>
        Pairs,
        /// <summary>The title's words folded, with the written form stacked at the same position when it differs.</summary>
        Title,
        /// <summary>
        /// The folded pair of each two adjacent words of the title, followed by their written pair when both words'
        /// written forms differ from the folded ones: "cai cach", "cải cách".
        /// </summary>
        TitlePairs,
    }

    private sealed class ReplayedField(string name, FieldType type, IndexedText text, Terms terms) : Field(name, type)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer) => (t_replay ??= new Replay()).Start(text.Analysed(), terms);
    }

    /// <summary>The words of the values in order: folded and written forms in one buffer, with positions.</summary>
    private sealed class Analysis
    {
        private const int InitialChars = 8192, KeptChars = 1 << 20;
        private const int InitialWords = 1024, KeptWords = 1 << 16;

        public IndexedText? Owner;
        public char[] Chars = new char[InitialChars];
        public int CharCount;
        public Word[] Words = new Word[InitialWords];
        public int Count;
        /// <summary>The number of words in the title (the first value).</summary>
        public int TitleCount;

        public void Analyse(IndexedText owner, IReadOnlyList<string?> values)
        {
            Owner = null;
            // A long attachment's text can grow the buffers to tens of megabytes: not kept for every later document.
            if (Chars.Length > KeptChars)
                Chars = new char[InitialChars];
            if (Words.Length > KeptWords)
                Words = new Word[InitialWords];
            CharCount = Count = TitleCount = 0;
            var position = 0;
            for (var v = 0; v < values.Count; v++)
            {
                if (!string.IsNullOrWhiteSpace(values[v]))
                    position = Add(values[v]!, position);
                if (v == 0)
                    TitleCount = Count;
            }
            Owner = owner;
        }

        /// <summary>Adds the words of one value after <paramref name="position"/>; returns the last word's position.</summary>
        private int Add(string value, int position)
        {
            using var stream = SearchAnalyzers.Exact.GetTokenStream(string.Empty, value);
            var term = stream.GetAttribute<ICharTermAttribute>();
            var increment = stream.GetAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var firstOfValue = true;
            while (stream.IncrementToken())
            {
                var length = term.Length;
                position += increment.PositionIncrement + (firstOfValue && Count > 0 ? ValueGap : 0);
                if (Count == Words.Length)
                    Array.Resize(ref Words, Count * 2);
                // Room for the folded form (up to four characters per letter) and the written one after it.
                if (Chars.Length < CharCount + length * 5)
                    Array.Resize(ref Chars, Math.Max(Chars.Length * 2, CharCount + length * 5));

                var written = term.Buffer.AsSpan(0, length);
                var folded = CharCount;
                int foldedLength, exactLength = 0;
                if (written.ContainsAnyExceptInRange('\0', '\u007F'))
                {
                    foldedLength = ASCIIFoldingFilter.FoldToASCII(term.Buffer, 0, Chars, folded, length) - folded;
                    if (!Chars.AsSpan(folded, foldedLength).SequenceEqual(written))
                        exactLength = Copy(written, folded + foldedLength);
                }
                else
                    foldedLength = Copy(written, folded);
                CharCount = folded + foldedLength + exactLength;
                Words[Count++] = new Word(folded, foldedLength, exactLength, position,
                    FollowsPrevious: !firstOfValue && increment.PositionIncrement == 1);
                firstOfValue = false;
            }
            stream.End();
            return position;
        }

        private int Copy(ReadOnlySpan<char> chars, int at)
        {
            chars.CopyTo(Chars.AsSpan(at));
            return chars.Length;
        }
    }

    /// <summary>
    /// One word: its folded form at <c>Folded</c> in the buffer, the written form right after it when it differs
    /// (<c>ExactLength</c> &gt; 0), its position, and whether it directly follows the previous word of the same value.
    /// </summary>
    private readonly record struct Word(int Folded, int FoldedLength, int ExactLength, int Position, bool FollowsPrevious)
    {
        public int Exact => Folded + FoldedLength;
    }

    /// <summary>Replays one kind of term from an analysis; one per thread, pointed at each field in turn.</summary>
    private sealed class Replay : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private Analysis _analysis = null!;
        private Terms _terms;
        private int _end;
        private int _next;
        private int _position;
        private bool _exactPending;

        public Replay()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public Replay Start(Analysis analysis, Terms terms)
        {
            _analysis = analysis;
            _terms = terms;
            _end = terms is Terms.Title or Terms.TitlePairs ? analysis.TitleCount : analysis.Count;
            return this;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _position = 0;
            _exactPending = false;
        }

        // Every token sets the term and the increment, the only attributes the writer reads here (no offsets are
        // indexed), so the attributes are not cleared first.
        public override bool IncrementToken()
        {
            var words = _analysis.Words;
            var chars = _analysis.Chars;
            switch (_terms)
            {
                case Terms.Folded or Terms.Title:
                    if (_exactPending)
                    {
                        var stacked = words[_next - 1];
                        _term.CopyBuffer(chars, stacked.Exact, stacked.ExactLength);
                        _increment.PositionIncrement = 0;
                        _exactPending = false;
                        return true;
                    }
                    if (_next == _end)
                        return false;
                    var word = words[_next++];
                    _term.CopyBuffer(chars, word.Folded, word.FoldedLength);
                    _increment.PositionIncrement = word.Position - _position;
                    _position = word.Position;
                    _exactPending = _terms == Terms.Title && word.ExactLength > 0;
                    return true;
                case Terms.Exact:
                    while (_next < _end && words[_next].ExactLength == 0)
                        _next++;
                    if (_next == _end)
                        return false;
                    var exact = words[_next++];
                    _term.CopyBuffer(chars, exact.Exact, exact.ExactLength);
                    _increment.PositionIncrement = 1;
                    return true;
                default:
                    if (_exactPending)
                    {
                        var (writtenFirst, writtenSecond) = (words[_next - 2], words[_next - 1]);
                        SetPair(chars, writtenFirst.Exact, writtenFirst.ExactLength, writtenSecond.Exact, writtenSecond.ExactLength);
                        _exactPending = false;
                        return true;
                    }
                    while (_next < _end && !words[_next].FollowsPrevious)
                        _next++;
                    if (_next == _end)
                        return false;
                    var (first, second) = (words[_next - 1], words[_next++]);
                    SetPair(chars, first.Folded, first.FoldedLength, second.Folded, second.FoldedLength);
                    _exactPending = _terms == Terms.TitlePairs && first.ExactLength > 0 && second.ExactLength > 0;
                    return true;
            }
        }

        /// <summary>Sets the term to two words of the buffer with <see cref="PairSeparator"/> between them.</summary>
        private void SetPair(char[] chars, int first, int firstLength, int second, int secondLength)
        {
            var length = firstLength + 1 + secondLength;
            var buffer = _term.ResizeBuffer(length);
            Array.Copy(chars, first, buffer, 0, firstLength);
            buffer[firstLength] = PairSeparator;
            Array.Copy(chars, second, buffer, firstLength + 1, secondLength);
            _term.Length = length;
            _increment.PositionIncrement = 1;
        }
    }
}
