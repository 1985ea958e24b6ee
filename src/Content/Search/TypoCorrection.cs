namespace CchcSite.Content.Search;

/// <summary>
/// A syllable mistyped by one letter ("nóg", "sipass", "facebok", "lãnh phí"): when the index holds no such syllable, or,
/// in a short query, holds it but never beside the words typed around it (<see cref="IsStranded"/>), the syllable
/// one edit away (a letter dropped, added, changed, or two swapped) that the index holds, preferring one that its
/// neighbouring words call for (<see cref="PairShare"/>) — of those first one that sounds alike (<see cref="SoundsAlike"/>) —,
/// then a letter changed into the key next to it (<see cref="NextKey"/>), then the commonest. Never a number or a code:
/// only a single lower-case or capitalised syllable of letters, three or more, is corrected; one of two letters ("xơ kết"
/// for "sơ kết") only to a syllable its neighbours call for.
/// </summary>
internal static class TypoCorrection
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const int MinLength = 3;
    /// <summary>
    /// A syllable of two letters has dozens of syllables one edit away, most of them words ("xo": "so", "to", "xa", "xe"…),
    /// so the commonest says nothing of which was meant; the words typed beside it can ("kết" calls for "sơ kết").
    /// </summary>
    private const int MinLengthBesideNeighbours = 2;

    /// <summary>The folded correction of the typed word, or null when it needs none or none is found.</summary>
    /// <param name="longQuery">
    /// Whether the query has more words than a short one (<see cref="SearchQueryBuilder.ShortQueryWords"/>): its words the
    /// index holds are left as typed. A long query sets words side by side that posts write apart ("kênh mạng xã hội
    /// chung của tỉnh"), and needs only most of them; a correction there added a common word ("cùng", "nhận", "cấp") that
    /// blurred more posts in than it found.
    /// </param>
    public static string? Correct(DocumentFrequencies index, string typed, QueryPart part, QueryPart? previous, QueryPart? next, bool longQuery)
    {
        if (part.Folded.Count != 1 || !IsCorrectable(typed, part.Folded[0]))
            return null;
        var word = part.Folded[0];
        var known = SyllableVocabulary.DocumentFrequency(index.Reader, word) > 0;
        // Whatever the query's length: a variant spelling is no other word, and its neighbours tell which spelling the posts use.
        if (known && OtherSpelling(word) is { } other && IsStranded(index, word, previous, next)
            && PairShare(index, previous, Documents(index, previous), other, isBefore: true) + PairShare(index, next, Documents(index, next), other, isBefore: false) > 0)
            return other;
        if (known && (longQuery || word.Length < MinLength || !IsStranded(index, word, previous, next)))
            return null;
        // A word the index holds is corrected only to one its neighbours call for, as a syllable too short to tell.
        var onlyCalledFor = known || word.Length < MinLength;
        var (before, after) = (Documents(index, previous), Documents(index, next));
        if (onlyCalledFor && before == 0 && after == 0)
            return null;
        string? best = null;
        (bool CalledFor, bool SoundsAlike, double Pairs, bool NextKey, int Documents) bestScore = default;
        foreach (var candidate in Candidates(word))
        {
            if (onlyCalledFor && candidate.Length < MinLengthBesideNeighbours)
                continue;
            var documents = SyllableVocabulary.DocumentFrequency(index.Reader, candidate);
            if (documents == 0)
                continue;
            var pairs = PairShare(index, previous, before, candidate, isBefore: true) + PairShare(index, next, after, candidate, isBefore: false);
            if (onlyCalledFor && pairs == 0)
                continue;
            var score = (pairs > 0, pairs > 0 && SoundsAlike(word, candidate), pairs, NextKey(word, candidate), documents);
            if (best is null || score.CompareTo(bestScore) > 0 || score == bestScore && string.CompareOrdinal(candidate, best) < 0)
                (best, bestScore) = (candidate, score);
        }
        return best;
    }

    /// <summary>
    /// Whether a word the index holds stands where no post writes it: beside each neighbour typed (a single syllable), the
    /// pair they make is in no document. A slip of one letter can make another word ("lãnh phí" for "lãng phí": "lãnh" of
    /// "lãnh đạo"), which the index holds, so only the pair tells the slip; a pair no post holds while one letter away
    /// a pair the posts write is the word meant. Words typed side by side that posts write apart ("kế hoạch riêng") make
    /// such pairs too, so the correction must be called for by a neighbour, and it only ever adds to the word typed.
    /// </summary>
    private static bool IsStranded(DocumentFrequencies index, string word, QueryPart? previous, QueryPart? next)
    {
        var neighbours = new[] { (previous, true), (next, false) }.Where(n => n.Item1 is { Folded.Count: 1 }).ToList();
        return neighbours.Count > 0 && neighbours.All(n => index.Of(SearchFields.Pairs, n.Item2
            ? n.Item1!.Folded[0] + IndexedText.PairSeparator + word
            : word + IndexedText.PairSeparator + n.Item1!.Folded[0]) == 0);
    }

    /// <summary>
    /// The syllable spelt with the other of i and y, where both spell its only vowel after the same initial ("lí lịch" and
    /// "lý lịch", "kí" and "ký", "sĩ" and "sỹ", "qui" and "quy"): the spelling rules of 1984 left the choice open, and
    /// writers still use both, so a word typed one way stands where the posts write it the other. Null for any other syllable.
    /// </summary>
    internal static string? OtherSpelling(string word) =>
        word.Length >= 2 && word[^1] is 'i' or 'y' && SpeltEitherWay.Contains(word[..^1]) ? string.Concat(word.AsSpan(0, word.Length - 1), word[^1] == 'i' ? "y" : "i") : null;

    /// <summary>The initials after which a lone i or y spell the same sound, and both spellings are written.</summary>
    private static readonly HashSet<string> SpeltEitherWay = new(["h", "k", "l", "m", "s", "t", "qu"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the candidate swaps sounds that speakers of one dialect or another say alike, so write one for the other by
    /// ear: the initials s/x, l/n, d/r, and the finals n/ng, c/t — the spelling pairs Vietnamese school books drill
    /// ("phân biệt s/x, l/n, d/gi/r, an/ang, ac/at"). Of the corrections the neighbours call for, such a one is the likeliest:
    /// "xơ kết" means "sơ kết", though "có kết (quả)" is the commoner pair and c is next to x on the keyboard too.
    /// (ch/tr and gi/d are two letters apart: never one edit.)
    /// </summary>
    internal static bool SoundsAlike(string word, string candidate)
    {
        if (word.Length == candidate.Length)
        {
            var changed = Enumerable.Range(0, word.Length).Where(i => word[i] != candidate[i]).ToList();
            return changed switch
            {
                [0] => AlikeInitials.Contains((word[0], candidate[0])),
                [var last] when last == word.Length - 1 => AlikeFinals.Contains((word[last], candidate[last])) && IsVowel(word[last - 1]),
                _ => false,
            };
        }
        // A final n typed for ng, or ng for n.
        var (shorter, longer) = word.Length < candidate.Length ? (word, candidate) : (candidate, word);
        return longer.Length == shorter.Length + 1 && longer.EndsWith("ng", StringComparison.Ordinal)
            && longer.StartsWith(shorter, StringComparison.Ordinal) && shorter.Length >= 2 && IsVowel(shorter[^2]);
    }

    private static readonly HashSet<(char, char)> AlikeInitials = [('s', 'x'), ('x', 's'), ('l', 'n'), ('n', 'l'), ('d', 'r'), ('r', 'd')];
    private static readonly HashSet<(char, char)> AlikeFinals = [('c', 't'), ('t', 'c')];

    private static bool IsVowel(char letter) => "aeiouy".Contains(letter);

    /// <summary>
    /// Whether the candidate changes one letter of the word into a key next to it on the keyboard ("kương" → "lương", not
    /// "hương"): the commonest slip of a finger, and what decides between candidates their neighbours call for equally.
    /// </summary>
    internal static bool NextKey(string word, string candidate)
    {
        if (word.Length != candidate.Length)
            return false;
        var changed = Enumerable.Range(0, word.Length).Where(i => word[i] != candidate[i]).ToList();
        return changed is [var at] && Key(word[at]) is (var row, var x) && Key(candidate[at]) is (var otherRow, var otherX)
            && (row == otherRow ? Math.Abs(x - otherX) == 1 : Math.Abs(row - otherRow) == 1 && Math.Abs(x - otherX) == 0.5);
    }

    private static readonly string[] KeyRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>A letter's row and place on the keyboard: each row starts half a key to the right of the one above it.</summary>
    private static (int Row, double X)? Key(char letter)
    {
        for (var row = 0; row < KeyRows.Length; row++)
            if (KeyRows[row].IndexOf(letter) is var column and >= 0)
                return (row, column + row * 0.5);
        return null;
    }

    /// <summary>
    /// Letters only, at least two of them (see <see cref="MinLengthBesideNeighbours"/>), and not a code: all capitals
    /// ("TTHC", "SGDĐT", "CT") or anything with a digit or a separator ("21/KH-UBND") is left as typed.
    /// </summary>
    internal static bool IsCorrectable(string typed, string folded) =>
        folded.Length >= MinLengthBesideNeighbours && folded.All(c => c is >= 'a' and <= 'z')
        && typed.Any(char.IsLower) && typed.All(char.IsLetter);

    /// <summary>
    /// How strongly the neighbour calls for the candidate: the share of the documents holding the neighbour that hold it
    /// next to the candidate. Not the pair's count, which favours whatever follows a common word: after "khẩu", "hiệu"
    /// is nearly certain, while "hiện tuyên" ("thực hiện tuyên truyền") is in more documents only because "tuyên" is.
    /// </summary>
    private static double PairShare(DocumentFrequencies index, QueryPart? neighbour, int neighbourDocuments, string candidate, bool isBefore)
    {
        if (neighbour is not { Folded.Count: 1 })
            return 0;
        var pair = isBefore ? neighbour.Folded[0] + IndexedText.PairSeparator + candidate : candidate + IndexedText.PairSeparator + neighbour.Folded[0];
        var pairs = index.Of(SearchFields.Pairs, pair);
        return pairs == 0 ? 0 : (double)pairs / Math.Max(pairs, neighbourDocuments);
    }

    /// <summary>How many documents hold the neighbouring word (a single syllable; any other has no pairs to weigh).</summary>
    private static int Documents(DocumentFrequencies index, QueryPart? neighbour) =>
        neighbour is { Folded.Count: 1 } ? index.Of(SearchFields.All, neighbour.Folded[0]) : 0;

    /// <summary>Every string one edit (Damerau–Levenshtein) from the word, over the folded alphabet.</summary>
    internal static IEnumerable<string> Candidates(string word)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { word };
        for (var i = 0; i < word.Length; i++)
        {
            if (seen.Add(word.Remove(i, 1)))
                yield return word.Remove(i, 1);
            if (i + 1 < word.Length)
            {
                var swapped = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1, 1), word.AsSpan(i, 1), word.AsSpan(i + 2));
                if (seen.Add(swapped))
                    yield return swapped;
            }
            foreach (var letter in Letters)
            {
                var changed = string.Concat(word.AsSpan(0, i), new ReadOnlySpan<char>(in letter), word.AsSpan(i + 1));
                if (seen.Add(changed))
                    yield return changed;
            }
        }
        for (var i = 0; i <= word.Length; i++)
            foreach (var letter in Letters)
            {
                var added = word.Insert(i, letter.ToString());
                if (seen.Add(added))
                    yield return added;
            }
    }
}
