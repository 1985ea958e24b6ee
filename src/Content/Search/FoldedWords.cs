using Lucene.Net.Analysis.Miscellaneous;

namespace CchcSite.Content.Search;

/// <summary>
/// The folded words of a text cut as <see cref="SearchAnalyzers.Folded"/> cuts them, without the analyzer: for a result's
/// snippet, which looks for the query's words in a stored body on every search. The analyzer's tokenizer (UAX #29 word
/// breaks, a generated state machine) and filters were 17 % of an uncached search's CPU; this is one pass over the text.
/// It handles the characters Vietnamese text is written in — Latin letters, ASCII digits and punctuation, the common
/// typographic marks — and gives up (null) on a text with any other, which the analyzer then reads:
/// <see cref="SnippetBuilder"/> gets the same tokens either way (FoldedWordsTests compares the two).
/// </summary>
internal static class FoldedWords
{
    /// <summary>The word-break classes of UAX #29 that occur in the handled characters.</summary>
    private enum Break : byte
    {
        Unhandled,
        None,
        Letter,
        Digit,
        MidLetter,
        MidNum,
        MidNumLet,
        ExtendNumLet,
    }

    /// <summary>StandardTokenizer's default: a longer run is dropped, not cut.</summary>
    private const int MaxTokenLength = 255;
    private const int TableSize = 0x20C0;

    private static readonly (Break Class, char Folded)[] Table = BuildTable();

    /// <summary>
    /// The tokens of <paramref name="text"/> whose folded form is in <paramref name="keep"/> (all when null), with their
    /// offsets; null when the text holds a character this cut does not handle.
    /// </summary>
    public static List<AnalyzedToken>? TryTokens(string text, HashSet<string>? keep)
    {
        foreach (var c in text)
            if (c >= TableSize || Table[c].Class == Break.Unhandled)
                return null;

        var tokens = new List<AnalyzedToken>();
        var lookup = keep?.GetAlternateLookup<ReadOnlySpan<char>>();
        var candidates = keep is null ? null : new Candidates(keep);
        Span<char> folded = stackalloc char[MaxTokenLength];
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordStart(Table[text[i]].Class))
            {
                i++;
                continue;
            }
            var start = i;
            var end = WordEnd(text, start);
            i = end;
            // A run of connectors alone is no word (StandardTokenizer emits none for "___").
            if (end - start > MaxTokenLength || AllConnectors(text, start, end))
                continue;
            if (candidates is not null && !candidates.Admits(Table[text[start]].Folded, end - start))
                continue;
            var word = folded[..(end - start)];
            for (var k = 0; k < word.Length; k++)
                word[k] = Table[text[start + k]].Folded;
            // A kept word is the set's own string (equal to the folded word): the common words of a query are found
            // dozens of times in a body, and a new string for each was most of what the cut allocated.
            if (lookup is not { } set)
                tokens.Add(new AnalyzedToken(word.ToString(), start, end));
            else if (set.TryGetValue(word, out var term))
                tokens.Add(new AnalyzedToken(term, start, end));
        }
        return tokens;
    }

    /// <summary>
    /// The first letters and lengths of the kept words: most words of a body are neither, and ruling them out before
    /// folding and hashing them was a third of the cut's time.
    /// </summary>
    private sealed class Candidates
    {
        private readonly UInt128 _asciiFirsts;
        private readonly bool _otherFirsts;
        private readonly ulong _shortLengths;
        private readonly bool _longLengths;

        public Candidates(HashSet<string> keep)
        {
            foreach (var word in keep)
            {
                if (word.Length == 0)
                    continue;
                if (word[0] < 128)
                    _asciiFirsts |= UInt128.One << word[0];
                else
                    _otherFirsts = true;
                if (word.Length < 64)
                    _shortLengths |= 1UL << word.Length;
                else
                    _longLengths = true;
            }
        }

        /// <summary>False when no kept word starts with <paramref name="first"/> (folded) or has <paramref name="length"/> characters.</summary>
        public bool Admits(char first, int length) =>
            (first < 128 ? (_asciiFirsts & (UInt128.One << first)) != UInt128.Zero : _otherFirsts)
            && (length < 64 ? (_shortLengths & (1UL << length)) != 0 : _longLengths);
    }

    // ExtendNumLet starts a word too (WB13a/b join it to letters and digits), but alone it is no token: see WordEnd.
    private static bool IsWordStart(Break c) => c is Break.Letter or Break.Digit or Break.ExtendNumLet;

    /// <summary>Where the word starting at <paramref name="start"/> ends, by the rules WB5–WB13b.</summary>
    private static int WordEnd(string text, int start)
    {
        var i = start + 1;
        var previous = Table[text[start]].Class;
        while (i < text.Length)
        {
            var current = Table[text[i]].Class;
            if (current is Break.Letter or Break.Digit)
            {
                // WB5, WB8, WB9, WB10, WB13b: letters and digits run together, and after a connector.
                previous = current;
                i++;
                continue;
            }
            if (current == Break.ExtendNumLet)
            {
                // WB13a: a connector joins whatever word came before it.
                previous = current;
                i++;
                continue;
            }
            // WB6/7 and WB11/12: a middle mark joins two letters or two digits of its kind, never ends a word.
            if (i + 1 < text.Length && Table[text[i + 1]].Class is var next and (Break.Letter or Break.Digit)
                && JoinsAcross(previous, current, next))
            {
                previous = next;
                i += 2;
                continue;
            }
            break;
        }
        return i;
    }

    private static bool JoinsAcross(Break before, Break middle, Break after) =>
        (before, after) switch
        {
            (Break.Letter, Break.Letter) => middle is Break.MidLetter or Break.MidNumLet,
            (Break.Digit, Break.Digit) => middle is Break.MidNum or Break.MidNumLet,
            _ => false,
        };

    private static bool AllConnectors(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (Table[text[i]].Class != Break.ExtendNumLet)
                return false;
        return true;
    }

    private static (Break, char)[] BuildTable()
    {
        var table = new (Break, char)[TableSize];
        var input = new char[1];
        var output = new char[4];
        for (var c = 0; c < TableSize; c++)
        {
            var ch = (char)c;
            var kind = ClassOf(ch);
            if (kind == Break.Unhandled)
                continue;
            // As the analyzer's filters do: lower case (VietnameseNormalizationFilter; moving a tone mark changes no
            // folded letter), then ASCIIFoldingFilter. A character folding to more than one ("æ" → "ae") is left to the analyzer.
            input[0] = char.ToLowerInvariant(ch);
            var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, 1);
            table[c] = length == 1 ? (kind, output[0]) : (Break.Unhandled, '\0');
        }
        return table;
    }

    private static Break ClassOf(char c) => c switch
    {
        >= '0' and <= '9' => Break.Digit,
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' => Break.Letter,
        '.' or '\'' or '\u2018' or '\u2019' or '\u2024' => Break.MidNumLet,
        ':' or '\u00B7' or '\u2027' => Break.MidLetter,
        ',' or ';' or '\u2044' => Break.MidNum,
        '_' or '\u203F' or '\u2040' or '\u2054' => Break.ExtendNumLet,
        < '\u0080' => char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? Break.Unhandled : Break.None,
        // Latin-1 and Latin Extended-A/B letters, and Latin Extended Additional (Vietnamese "ạ", "ế", "ữ" …).
        _ when char.IsLetter(c) && (c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF') => Break.Letter,
        // Spaces, dashes, quotes, bullets and the like break words; format characters (soft hyphen, zero-width joiners,
        // direction marks) and combining marks do not, so texts with them go to the analyzer.
        '\u00A0' or (>= '\u00A1' and <= '\u00BF' and not '\u00AA' and not '\u00AD' and not '\u00B2' and not '\u00B3'
            and not '\u00B5' and not '\u00B9' and not '\u00BA') or '\u00D7' or '\u00F7' => Break.None,
        >= '\u2000' and <= '\u200A' or >= '\u2010' and <= '\u2027' and not '\u2024' or >= '\u2030' and <= '\u205E'
            or >= '\u20A0' and <= '\u20BF' => Break.None,
        _ => Break.Unhandled,
    };
}
