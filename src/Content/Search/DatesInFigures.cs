using System.Globalization;
using CchcSite.Content.Text;

namespace CchcSite.Content.Search;

/// <summary>
/// A citizen types a month or a day in figures ("tháng 12/2022", "28/01/2022"), as posts cite it; a plan's annex and a
/// document's own date write it in words (Nghị định 30/2020/NĐ-CP, Phụ lục I: "tháng 12 năm 2022", "ngày 28 tháng 01 năm
/// 2022"), which holds no pair of the typed figures ("12 2022"), so the post that names the month's task would not match it.
/// Such a word also matches the date in words, with or without the leading zero of a day or month, as the index holds it.
/// </summary>
internal static class DatesInFigures
{
    /// <summary>
    /// The forms of word <paramref name="start"/> of <paramref name="words"/> when it is a month ("12/2022") or a day
    /// ("28/1/2022") in figures, with the "tháng" or "ngày" typed before it, and the index holds it in words: the figures
    /// and the words, those forms the index holds, or null (the words are then read as other words and numbers are).
    /// </summary>
    public static (int Words, List<IReadOnlyList<string>> Forms)? Match(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words,
        int start, DocumentFrequencies index)
    {
        // "tháng 12/2022" is one date, as "tháng 12 năm 2022" is: the month's word is part of its form.
        var named = start + 1 < words.Count && words[start].Folded is [var unit] && IsDate(words[start + 1].Folded)
            && unit == (words[start + 1].Folded.Count == 2 ? "thang" : "ngay");
        var at = named ? start + 1 : start;
        if (at >= words.Count || !IsDate(words[at].Folded))
            return null;
        var tokens = words[at].Folded;
        IReadOnlyList<string> prefix = named ? words[start].Folded : [];
        var figures = new[] { tokens, PaddedNumbers.Padded(tokens), tokens.Select(t => t.TrimStart('0')).ToList() };
        var inWords = figures.Select(f => (IReadOnlyList<string>)[.. prefix, .. InWords(f)]).Where(form => JoinedNumbers.Holds(index, form)).ToList();
        if (inWords.Count == 0)
            return null;
        var forms = new List<IReadOnlyList<string>>();
        foreach (var form in figures.Select(f => (IReadOnlyList<string>)[.. prefix, .. f]).Where(f => JoinedNumbers.Holds(index, f)).Concat(inWords))
            if (!forms.Any(f => f.SequenceEqual(form, StringComparer.Ordinal)))
                forms.Add(form);
        return (prefix.Count + 1, forms);
    }

    /// <summary>Month and year ("12 2022"), or a calendar day ("28 01 2022"), each a token of figures.</summary>
    private static bool IsDate(IReadOnlyList<string> tokens) =>
        tokens.All(t => t.Length > 0 && t.All(char.IsAsciiDigit)) && tokens switch
        {
            [var month, var year] => year.Length == 4 && month.Length <= 2 && int.Parse(month, CultureInfo.InvariantCulture) is >= 1 and <= 12,
            [var day, var month, var year] => year.Length == 4 && VietnameseDate.ParseDate($"{day}/{month}/{year}").Value is not null,
            _ => false,
        };

    /// <summary>The folded words of the date as a document writes it: "12 nam 2022", "28 thang 01 nam 2022".</summary>
    private static IReadOnlyList<string> InWords(IReadOnlyList<string> tokens) =>
        tokens.Count == 2 ? [tokens[0], "nam", tokens[1]] : [tokens[0], "thang", tokens[1], "nam", tokens[2]];
}
