using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcSite.Content.Search;

/// <summary>
/// What a citizen typed, read as plain text: quoted parts are phrases, the rest are words. No query syntax is
/// ever interpreted, so there is no syntax error to show.
/// </summary>
public sealed partial record UserQuery(string Text, IReadOnlyList<string> Phrases, IReadOnlyList<string> Words)
{
    public const int MaxLength = 200;

    public static class Messages
    {
        public const string Empty = "Hãy nhập từ khóa cần tìm.";
        public static readonly string TooLong = $"Từ khóa tìm kiếm dài quá {MaxLength} ký tự, xin rút gọn lại.";
        public const string NothingToFind = "Từ khóa cần có ít nhất một chữ hoặc chữ số.";
    }

    /// <summary>Reads the text, or gives the Vietnamese reason it cannot be searched for.</summary>
    public static bool TryParse(string? raw, out UserQuery query, out string error)
    {
        query = new UserQuery("", [], []);
        var text = Clean(raw ?? "");
        if (text.Length == 0)
        {
            error = Messages.Empty;
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = Messages.TooLong;
            return false;
        }
        var phrases = new List<string>();
        var rest = QuotedPart().Replace(text, match =>
        {
            phrases.Add(match.Groups[1].Value);
            return " ";
        }).Replace("\"", " ");
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        query = new UserQuery(text, phrases, words);
        error = "";
        if (!query.HasSearchableText)
        {
            error = Messages.NothingToFind;
            return false;
        }
        return true;
    }

    private bool HasSearchableText =>
        Phrases.Concat(Words).Any(part => SearchAnalyzers.Tokens(SearchAnalyzers.Folded, part).Count > 0);

    /// <summary>
    /// Control and formatting characters and broken surrogates become spaces, typographic quotes plain ones,
    /// and the text is composed (NFC), which text pasted from Word or PDFs often is not.
    /// </summary>
    private static string Clean(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                builder.Append(c).Append(raw[++i]);
                continue;
            }
            builder.Append(c switch
            {
                '“' or '”' or '„' or '«' or '»' => '"',
                _ when char.IsSurrogate(c) || char.IsControl(c) || char.IsWhiteSpace(c)
                       || char.GetUnicodeCategory(c) == UnicodeCategory.Format => ' ',
                _ => c,
            });
        }
        return Spaces().Replace(builder.ToString().Normalize(NormalizationForm.FormC), " ").Trim();
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedPart();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
