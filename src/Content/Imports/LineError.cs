namespace CchcSite.Content.Imports;

/// <summary>
/// A problem with one line of an imported file, as a person can act on it: the line as the spreadsheet or text
/// editor numbers it (0 for the whole file), the column's title when one cell is wrong, and a Vietnamese message.
/// </summary>
public sealed record LineError(int Line, string? Field, string Message)
{
    /// <summary>The line as an outcome's error key names it: "Dòng 3", or "" for the whole file.</summary>
    public string Key => Line > 0 ? $"Dòng {Line}" : "";
}

/// <summary>A row that was read without error, and the line it came from.</summary>
public sealed record TableRecord<T>(int Line, T Value);

/// <summary>
/// What a file gave: the rows that were read without error and every error found. The importer stores the rows
/// only when there is no error at all (a dry run is the same call, storing nothing).
/// </summary>
public sealed record TableImport<T>(IReadOnlyList<TableRecord<T>> Rows, IReadOnlyList<LineError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    internal static TableImport<T> Refused(string message) => new([], [new LineError(0, null, message)]);
}

/// <summary>Numbers in messages as Vietnamese writes them (5.000, not 5,000).</summary>
internal static class Figures
{
    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public static string Of(long number) => number.ToString("N0", Vietnamese);
}
