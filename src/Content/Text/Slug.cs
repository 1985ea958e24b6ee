using System.Globalization;
using System.Text;

namespace CchcSite.Content.Text;

/// <summary>URL slugs from Vietnamese text: lower-case ASCII, tones removed, đ → d ("Đường dây nóng" → "duong-day-nong").</summary>
public static class Slug
{
    public const int MaxLength = 120;

    public static string From(string text)
    {
        // FormD splits every toned vowel into a base letter and combining marks; đ has no decomposition.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var ascii = c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) };
            if (ascii is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && slug.Length > 0)
                    slug.Append('-');
                slug.Append(ascii);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }
        var result = slug.ToString();
        return result.Length <= MaxLength ? result : result[..MaxLength].TrimEnd('-');
    }

    /// <summary>The first of "slug", "slug-2", "slug-3"… that <paramref name="taken"/> does not hold.</summary>
    public static string Unique(string slug, Func<string, bool> taken)
    {
        var candidate = slug;
        for (var n = 2; taken(candidate); n++)
            candidate = $"{slug}-{n}";
        return candidate;
    }
}
