using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcSite.Content.Search;

/// <summary>
/// One pass over lower-cased, normalised words that emits, at each position: the folded word; the exact word
/// stacked on it when it differs; and, when <c>shingles</c> is set, the folded pair "previous word" + " " +
/// "this word" stacked as well. The same terms as <see cref="ASCIIFoldingFilter"/> with preserveOriginal and a
/// <c>ShingleFilter</c> without unigrams, but from a single tokenisation of the text into a single field.
/// </summary>
public sealed class FoldStackShingleFilter : TokenFilter
{
    private readonly bool _shingles;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;

    private char[] _fold = new char[64];
    private char[] _exact = new char[32];
    private int _exactLength;
    private bool _pendingExact;
    private char[] _previous = new char[32];
    private int _previousLength;
    private int _previousStart;
    private bool _hasPrevious;
    private char[] _shingle = new char[64];
    private int _shingleLength;
    private int _shingleStart;
    private bool _pendingShingle;

    public FoldStackShingleFilter(TokenStream input, bool shingles) : base(input)
    {
        _shingles = shingles;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingExact)
        {
            _pendingExact = false;
            _term.CopyBuffer(_exact, 0, _exactLength);
            _position.PositionIncrement = 0;
            return true;
        }
        if (_pendingShingle)
        {
            _pendingShingle = false;
            var end = _offset.EndOffset;
            _term.CopyBuffer(_shingle, 0, _shingleLength);
            _position.PositionIncrement = 0;
            _offset.SetOffset(_shingleStart, end);
            return true;
        }
        if (!m_input.IncrementToken())
            return false;

        var buffer = _term.Buffer;
        var length = _term.Length;
        var needsFolding = false;
        for (var i = 0; i < length; i++)
            if (buffer[i] >= '\u0080')
            {
                needsFolding = true;
                break;
            }
        if (needsFolding)
        {
            Ensure(ref _exact, length);
            Array.Copy(buffer, _exact, length);
            _exactLength = length;
            Ensure(ref _fold, length * 4);
            var folded = ASCIIFoldingFilter.FoldToASCII(buffer, 0, _fold, 0, length);
            _term.CopyBuffer(_fold, 0, folded);
            _pendingExact = !_term.Buffer.AsSpan(0, folded).SequenceEqual(_exact.AsSpan(0, length));
            buffer = _term.Buffer;
            length = folded;
        }

        if (_shingles)
        {
            if (_hasPrevious && _position.PositionIncrement == 1)
            {
                Ensure(ref _shingle, _previousLength + 1 + length);
                Array.Copy(_previous, _shingle, _previousLength);
                _shingle[_previousLength] = ' ';
                Array.Copy(buffer, 0, _shingle, _previousLength + 1, length);
                _shingleLength = _previousLength + 1 + length;
                _shingleStart = _previousStart;
                _pendingShingle = true;
            }
            Ensure(ref _previous, length);
            Array.Copy(buffer, _previous, length);
            _previousLength = length;
            _previousStart = _offset.StartOffset;
            _hasPrevious = true;
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pendingExact = false;
        _pendingShingle = false;
        _hasPrevious = false;
    }

    private static void Ensure(ref char[] array, int length)
    {
        if (array.Length < length)
            array = new char[Math.Max(length, array.Length * 2)];
    }
}
