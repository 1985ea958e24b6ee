namespace CchcSite.Content.Imports;

/// <summary>
/// A cell as a file format gives it, by its column's position; <c>Problem</c> when the cell itself is malformed
/// (a shared string that does not exist, a number that is not one). <c>Numeric</c> for a spreadsheet number.
/// </summary>
internal readonly record struct SourceCell(int Column, string Text, bool Numeric = false, string? Problem = null);

/// <summary>A row as a file format gives it, before its cells are matched to the template's columns.</summary>
internal sealed class SourceRow(int line)
{
    public int Line { get; } = line;

    /// <summary>Only cells within the column limit; a cell beyond it is an error, never a wider row.</summary>
    public List<SourceCell> Cells { get; } = [];

    public List<LineError> Errors { get; } = [];

    public bool IsBlank => Errors.Count == 0 && Cells.TrueForAll(c => c.Problem is null && string.IsNullOrWhiteSpace(c.Text));

    private bool _beyond;

    /// <summary>Data outside the columns a template can have; said once per row, however many stray cells it has.</summary>
    public void Beyond(int maxColumns, string where)
    {
        if (!_beyond)
            Errors.Add(new LineError(Line, null, $"Dòng có dữ liệu ở {where}, ngoài {maxColumns} cột đầu tiên; vui lòng dùng tệp mẫu."));
        _beyond = true;
    }
}

/// <summary>A file that cannot be read at all; the reader turns it into one error for the whole file.</summary>
internal sealed class TableFileException(string message) : Exception(message);
