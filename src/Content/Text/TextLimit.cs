using CchcSite.Content.Imports;

namespace CchcSite.Content.Text;

/// <summary>
/// The one check that typed text fits its column. PostgreSQL refuses text longer than a varchar(n) column where SQLite
/// keeps it, so every limited field a person fills is checked with this before anything is saved: a message beside the
/// field on either database, never an error from the database.
/// </summary>
public static class TextLimit
{
    /// <summary>Adds "<paramref name="label"/> không quá N ký tự." for <paramref name="field"/> when the text, trimmed as it is stored, is longer.</summary>
    public static void Check(IDictionary<string, string> errors, string field, string? text, int max, string label)
    {
        if (text is not null && text.Trim().Length > max && !errors.ContainsKey(field))
            errors[field] = TooLong(label, max);
    }

    public static string TooLong(string label, int max) => $"{label} không quá {Figures.Of(max)} ký tự.";
}
