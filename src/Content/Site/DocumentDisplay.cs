using System.Globalization;

namespace CchcSite.Content.Site;

/// <summary>How the public pages and the register write a document's number, abstract and files.</summary>
public static class DocumentDisplay
{
    public const string Unnumbered = "Chưa ghi số";

    /// <summary>
    /// A plan filed before it got its number is stored as "/KH-SGDĐT" (the symbol without the number): it reads
    /// "Chưa ghi số", as an empty number does, rather than a number that starts with a slash.
    /// </summary>
    public static string Number(string? number) =>
        string.IsNullOrWhiteSpace(number) || number.TrimStart().StartsWith('/') ? Unnumbered : number.Trim();

    public static bool HasNumber(string? number) => Number(number) != Unnumbered;

    /// <summary>"Số 12/KH-SGDĐT" in a line of facts, or "Chưa ghi số" (never "Số Chưa ghi số").</summary>
    public static string NumberLine(string? number) => HasNumber(number) ? $"Số {Number(number)}" : Unnumbered;

    /// <summary>The abstract without a "Trích yếu:" the source repeated in its text (the page labels it already).</summary>
    public static string? Abstract(string? text)
    {
        const string label = "Trích yếu";
        var value = text?.Trim();
        while (value is not null && value.StartsWith(label, StringComparison.OrdinalIgnoreCase)
               && value.AsSpan(label.Length).TrimStart() is [':', ..] rest)
            value = rest[1..].ToString().Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>"PDF, 245 KB" – a file's type from its name and its size, as a download button says them.</summary>
    public static string FileFacts(string fileName, long length)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant();
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var size = length >= 1024 * 1024
            ? (length / 1024.0 / 1024.0).ToString("0.#", vi) + " MB"
            : Math.Max(1, Math.Round(length / 1024.0)).ToString("0", vi) + " KB";
        return extension.Length == 0 ? size : $"{extension}, {size}";
    }
}
