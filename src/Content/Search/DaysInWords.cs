using CchcSite.Content.Text;

namespace CchcSite.Content.Search;

/// <summary>
/// An official document dates itself in words (Nghị định 30/2020/NĐ-CP, Phụ lục I: "ngày 28 tháng 01 năm 2022",
/// <see cref="VietnameseDate.InWords"/>), and a citizen citing it copies that line; posts cite the day in figures
/// ("ngày 28/01/2022"), and a document is indexed under the day it was issued as a number key (<see cref="SearchDocument.IssuedOn"/>).
/// A day written in words names the document issued that day as the day typed in figures does.
/// </summary>
internal static class DaysInWords
{
    /// <summary>
    /// The number key of each day written in words among the folded <paramref name="words"/> ("28 tháng 01 năm 2022",
    /// "28 thang 1 nam 2022" → "28 01 2022", as the index holds a document's day), or none.
    /// </summary>
    public static IEnumerable<string> NumberKeys(IReadOnlyList<IReadOnlyList<string>> words)
    {
        var syllables = words.Select(word => word is [var only] ? only : null).ToList();
        // The day, month and year read as a day typed in figures is (VietnameseDate.ParseDate): the same calendar check.
        for (var i = 0; i + 4 < syllables.Count; i++)
            if (syllables[i + 1] == "thang" && syllables[i + 3] == "nam"
                && VietnameseDate.ParseDate($"{syllables[i]}/{syllables[i + 2]}/{syllables[i + 4]}").Value is { } date)
                yield return SearchDocument.NumberKey(VietnameseDate.FormatDate(date));
    }
}
