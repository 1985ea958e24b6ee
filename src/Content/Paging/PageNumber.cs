using System.Globalization;

namespace CchcSite.Content.Paging;

/// <summary>
/// A page number as typed in an address ("trang" on pages, "page" in the API). A number too large for an int is a
/// page past the end like any other, never page 1.
/// </summary>
public static class PageNumber
{
    /// <summary>1 when absent; the number; <see cref="int.MaxValue"/> for digits beyond it; null for anything else.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return 1;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
            return page;
        return text.All(char.IsAsciiDigit) ? int.MaxValue : null;
    }
}
