using System.Globalization;
using CchcSite.Content.Text;

namespace CchcSite.Content.Imports;

/// <summary>
/// One data row of an imported file, its cells by the template's column titles. The typed readers never throw:
/// a value that is not a number or a date becomes a line error naming the column, and the value is null.
/// </summary>
public sealed class TableRow
{

    private readonly IReadOnlyDictionary<string, SourceCell> _cells;
    private readonly IReadOnlySet<string> _titles;
    private readonly List<LineError> _errors = [];

    internal TableRow(int line, IReadOnlyDictionary<string, SourceCell> cells, IReadOnlySet<string> titles, IEnumerable<LineError> errors)
    {
        Line = line;
        _cells = cells;
        _titles = titles;
        _errors.AddRange(errors);
    }

    /// <summary>The line as the spreadsheet or a text editor numbers it.</summary>
    public int Line { get; }

    /// <summary>What the reader and the importer found wrong with this row; the row is stored only when there is nothing.</summary>
    public IReadOnlyList<LineError> Errors => _errors;

    /// <summary>Records an importer's own check (a required value, a range) against this row.</summary>
    public void Fail(string? column, string message) => _errors.Add(new LineError(Line, column, message));

    /// <summary>The cell's text, trimmed; null when the cell is empty or the column is not in the file.</summary>
    public string? Text(string column) =>
        Cell(column) is { } cell && !string.IsNullOrWhiteSpace(cell.Text) ? cell.Text.Trim() : null;

    /// <summary>A whole number ("12", "12." as numbered lists write it, or a whole spreadsheet number).</summary>
    public int? Integer(string column)
    {
        if (Text(column) is not { } text)
            return null;
        if (int.TryParse(text.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        if (Cell(column)!.Value.Numeric && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue)
            return (int)number;
        return Invalid<int>(column, text, "không phải là số nguyên");
    }

    /// <summary>A decimal number; a text cell may use the Vietnamese decimal comma ("2,5").</summary>
    public decimal? Number(string column)
    {
        if (Text(column) is not { } text)
            return null;
        var invariant = Cell(column)!.Value.Numeric || text.Contains('.') ? text : text.Replace(',', '.');
        if (decimal.TryParse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        return Invalid<decimal>(column, text, "không phải là số");
    }

    /// <summary>A date typed as dd/mm/yyyy or yyyy-mm-dd, or a spreadsheet date.</summary>
    public DateOnly? Date(string column)
    {
        if (Text(column) is not { } text)
            return null;
        if (Cell(column)!.Value.Numeric)
        {
            // Spreadsheets store dates as days since 1899-12-30; the range is the one DateTime.FromOADate accepts.
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        else
        {
            // An XLSX date cell (t="d") holds an ISO date and time.
            var day = text.Length > 10 && text[10] == 'T' ? text[..10] : text;
            if (VietnameseDate.ParseDate(day).Value is { } date)
                return date;
        }
        return Invalid<DateOnly>(column, text, "không phải là ngày (dd/mm/yyyy)");
    }

    private SourceCell? Cell(string column) =>
        _titles.Contains(column) ? _cells.TryGetValue(column, out var cell) ? cell : null
        : throw new ArgumentException($"'{column}' is not a column of this import's layout.", nameof(column));

    private T? Invalid<T>(string column, string text, string what) where T : struct
    {
        Fail(column, $"Cột \"{column}\": \"{Shorten(text)}\" {what}.");
        return null;
    }

    /// <summary>Cell text quoted in a message, short enough that a hundred messages stay readable.</summary>
    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
