using System.Text;

namespace CchcSite.Content.Search;

/// <summary>
/// Makes the same Vietnamese word look the same, whoever typed it: composed (NFC) rather than decomposed
/// (text pasted from Word or PDFs often arrives decomposed, and ASCII folding misses combining marks), and
/// with the tone mark placed in the new style ("hòa", "thủy", "ủy") rather than the old ("hoà", "thuỷ", "uỷ").
/// </summary>
public static class VietnameseText
{
    // One row per base vowel; columns are the five tone marks: huyền, sắc, hỏi, ngã, nặng.
    private const string ToneA = "àáảãạ", ToneACap = "ÀÁẢÃẠ";
    private const string ToneE = "èéẻẽẹ", ToneECap = "ÈÉẺẼẸ";
    private const string ToneY = "ỳýỷỹỵ", ToneYCap = "ỲÝỶỸỴ";
    private const string ToneO = "òóỏõọ", ToneOCap = "ÒÓỎÕỌ";
    private const string ToneU = "ùúủũụ", ToneUCap = "ÙÚỦŨỤ";

    /// <summary>Normalises one word in place; returns the new length (NFC can only shorten it).</summary>
    public static int NormalizeWord(char[] buffer, int length)
    {
        if (HasCombiningMark(buffer, length))
        {
            var composed = new string(buffer, 0, length).Normalize(NormalizationForm.FormC);
            composed.CopyTo(0, buffer, 0, composed.Length);
            length = composed.Length;
        }
        MoveOldStyleTone(buffer, length);
        return length;
    }

    public static string NormalizeWord(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, NormalizeWord(buffer, buffer.Length));
    }

    /// <summary>Whole text, word by word, for text that is compared as a whole (e.g. a document number).</summary>
    public static string Normalize(string text)
    {
        var buffer = text.Normalize(NormalizationForm.FormC).ToCharArray();
        var start = 0;
        for (var i = 0; i <= buffer.Length; i++)
        {
            if (i < buffer.Length && char.IsLetter(buffer[i]))
                continue;
            MoveOldStyleTone(buffer.AsSpan(start, i - start));
            start = i + 1;
        }
        return new string(buffer);
    }

    private static bool HasCombiningMark(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
            if (buffer[i] is >= '\u0300' and <= '\u036F')
                return true;
        return false;
    }

    private static void MoveOldStyleTone(char[] buffer, int length) => MoveOldStyleTone(buffer.AsSpan(0, length));

    /// <summary>
    /// A word ending in "oà", "oé", "uỷ"… (tone on the last vowel, no final consonant) gets the tone on the
    /// vowel before it. After "q" the "u" belongs to the consonant ("quý"), so the mark stays where it is.
    /// </summary>
    private static void MoveOldStyleTone(Span<char> word)
    {
        if (word.Length < 2)
            return;
        var first = word[^2];
        var last = word[^1];
        var (tone, plain) = ToneOf(last);
        if (tone < 0)
            return;
        // Plain comparisons, not char.ToLowerInvariant: this runs on every indexed word.
        var capitalFirst = first is 'O' or 'U';
        var isO = first is 'o' or 'O';
        var fits = isO
            ? plain is 'a' or 'A' or 'e' or 'E'
            : first is 'u' or 'U' && plain is 'y' or 'Y' && !(word.Length >= 3 && word[^3] is 'q' or 'Q');
        if (!fits)
            return;
        word[^2] = isO
            ? (capitalFirst ? ToneOCap : ToneO)[tone]
            : (capitalFirst ? ToneUCap : ToneU)[tone];
        word[^1] = plain;
    }

    /// <summary>The tone index (or -1) and the unmarked letter of a toned a, e or y.</summary>
    private static (int Tone, char Plain) ToneOf(char c)
    {
        int i;
        if ((i = ToneA.IndexOf(c)) >= 0) return (i, 'a');
        if ((i = ToneACap.IndexOf(c)) >= 0) return (i, 'A');
        if ((i = ToneE.IndexOf(c)) >= 0) return (i, 'e');
        if ((i = ToneECap.IndexOf(c)) >= 0) return (i, 'E');
        if ((i = ToneY.IndexOf(c)) >= 0) return (i, 'y');
        if ((i = ToneYCap.IndexOf(c)) >= 0) return (i, 'Y');
        return (-1, c);
    }
}
