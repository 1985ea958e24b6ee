using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CchcSite.Content.Search;

/// <summary>
/// Cuts the passage of a text that best matches the query and marks the matched words. Built on the folded words' offsets
/// (<see cref="FoldedWords"/>, the analyzer's cut without the analyzer), so a folded query marks the accented words it found;
/// what it marks, <see cref="SnippetTerms"/> says.
/// Everything but the &lt;mark&gt; tags is HTML-escaped.
/// </summary>
public static class SnippetBuilder
{
    public const int MaxLength = 240;
    /// <summary>How much text to keep before the first match, so the passage does not start mid-thought.</summary>
    private const int Lead = 40;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>What a passage starts after and is cut at: a space, or a line break, which the passage shows as a space.</summary>
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \n\r");

    /// <summary>The best passage among the texts (earlier texts win ties), or the start of the first non-empty one.</summary>
    public static string Build(SnippetTerms terms, params string?[] texts)
    {
        Passage? best = null;
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            var passage = BestPassage(text, terms);
            if (best is null || passage.Score > best.Score)
                best = passage;
        }
        return best is null ? "" : Render(best);
    }

    private sealed record Passage(string Text, int Start, int End, IReadOnlyList<AnalyzedToken> Marks, int Score);

    /// <summary>The words of a text whose folded form is one of <paramref name="terms"/>, with their offsets in it.</summary>
    internal static List<AnalyzedToken> Matches(string text, HashSet<string> terms) =>
        FoldedWords.TryTokens(text, terms) ?? SearchAnalyzers.Tokens(SearchAnalyzers.Folded, Spaced(text), terms);

    /// <summary>Whether two words follow each other with at most a space and a mark between them (a phrase).</summary>
    internal static bool Adjacent(AnalyzedToken left, AnalyzedToken right) => right.Start - left.End <= 2;

    private static Passage BestPassage(string text, SnippetTerms terms)
    {
        // Line breaks are read as spaces, one for one, so the offsets fit the text: the folded cut breaks words at both
        // alike; the analyzer is given the spaced copy. Only the passage shown is copied (Render), not each whole body.
        var matches = terms.Marked(text, Matches(text, terms.Syllables));
        if (matches.Count == 0)
            return new Passage(text, 0, CutAt(text, 0, MaxLength), [], 0);

        // Every window of matches that fits in a passage, slid in one pass: how many different words it holds, how
        // many of its neighbours are adjacent (a phrase), and how many matches.
        var adjacentBefore = new int[matches.Count + 1];
        for (var i = 1; i < matches.Count; i++)
            adjacentBefore[i + 1] = adjacentBefore[i] + (Adjacent(matches[i - 1], matches[i]) ? 1 : 0);
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        var (bestFirst, bestLast, bestScore) = (0, 0, -1);
        var last = -1;
        for (var first = 0; first < matches.Count; first++)
        {
            while (last + 1 < matches.Count && matches[last + 1].End - matches[first].Start <= MaxLength - Lead)
            {
                last++;
                inWindow[matches[last].Term] = inWindow.GetValueOrDefault(matches[last].Term) + 1;
            }
            if (last < first)
            {
                // A single match longer than a passage: the window is that match alone.
                last = first;
                inWindow[matches[first].Term] = inWindow.GetValueOrDefault(matches[first].Term) + 1;
            }
            // Different query words count most, then adjacent matches (a phrase), then repeats.
            var score = inWindow.Count * 100 + (adjacentBefore[last + 1] - adjacentBefore[first + 1]) * 10 + (last - first + 1);
            if (score > bestScore)
                (bestFirst, bestLast, bestScore) = (first, last, score);
            if (--inWindow[matches[first].Term] == 0)
                inWindow.Remove(matches[first].Term);
        }
        var start = StartNear(text, matches[bestFirst].Start - Lead, matches[bestFirst].Start);
        var end = CutAt(text, start, start + MaxLength);
        return new Passage(text, start, end, matches.Skip(bestFirst).Take(bestLast - bestFirst + 1).ToList(), bestScore);
    }

    /// <summary>
    /// A word boundary at or after the position, so the passage starts with a whole word — but never past the first
    /// match: in a long run without spaces (an address) the passage starts at the match itself.
    /// </summary>
    private static int StartNear(string text, int position, int match)
    {
        if (position <= 0)
            return 0;
        var space = text.AsSpan(position, match - position).IndexOfAny(Spaces);
        return space < 0 ? match : position + space + 1;
    }

    /// <summary>A word boundary at or before the position and after the passage's start, or the position itself.</summary>
    private static int CutAt(string text, int start, int position)
    {
        if (position >= text.Length)
            return text.Length;
        var space = text.AsSpan(start, position + 1 - start).LastIndexOfAny(Spaces);
        return space <= 0 ? position : start + space;
    }

    private static string Render(Passage passage)
    {
        // The passage is copied once, its line breaks made spaces; its pieces are encoded from that copy in place.
        var shown = Spaced(passage.Text[passage.Start..passage.End]);
        var html = new StringWriter(new StringBuilder(shown.Length + 64));
        if (passage.Start > 0)
            html.Write("… ");
        var at = 0;
        foreach (var mark in passage.Marks)
        {
            if (mark.End > passage.End)
                continue;
            var (start, end) = (mark.Start - passage.Start, mark.End - passage.Start);
            Html.Encode(html, shown, at, start - at);
            html.Write("<mark>");
            Html.Encode(html, shown, start, end - start);
            html.Write("</mark>");
            at = end;
        }
        Html.Encode(html, shown, at, shown.Length - at);
        if (passage.End < passage.Text.Length)
            html.Write(" …");
        return html.ToString();
    }

    private static string Spaced(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
