using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace CchcSite.Content.Imports;

/// <summary>
/// The first sheet of an XLSX file, row by row as the spreadsheet numbers them, read element by element: a row is
/// never built by its cells' addresses, so a cell addressed at column XFD costs what a cell at column A costs.
/// </summary>
internal static class XlsxTable
{
    public static IEnumerable<SourceRow> Rows(Stream file, TableLimits limits)
    {
        CheckPackage(file, limits);
        using var document = SpreadsheetDocument.Open(file, false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes });
        var workbook = document.WorkbookPart ?? throw new TableFileException(Unreadable);
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new TableFileException("Tệp XLSX không có trang tính nào.");
        if (first.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart sheet)
            throw new TableFileException(Unreadable);
        var strings = SharedStrings(workbook.SharedStringTablePart, limits);

        // A start or an end both close what was open, so that empty elements (<row/>, <c/>) need no special case.
        using var reader = OpenXmlReader.Create(sheet);
        SourceRow? row = null;
        PendingCell? cell = null;
        int lastLine = 0, nextColumn = 0;
        var more = reader.Read();
        while (more)
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                cell?.AddTo(row!, strings, limits);
                cell = null;
                if (row is not null)
                    yield return row;
                row = null;
                if (reader.IsStartElement)
                {
                    lastLine = int.TryParse(Attribute(reader, "r"), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : lastLine + 1;
                    row = new SourceRow(lastLine);
                    nextColumn = 0;
                }
            }
            else if (type == typeof(Cell) && row is not null)
            {
                cell?.AddTo(row, strings, limits);
                cell = null;
                if (reader.IsStartElement)
                {
                    var reference = Attribute(reader, "r");
                    var column = reference is null ? nextColumn : ColumnOf(reference);
                    nextColumn = column == int.MaxValue ? column : column + 1;
                    cell = new PendingCell(reference, column, Attribute(reader, "t"));
                }
            }
            else if (type == typeof(PhoneticRun) && reader.IsStartElement)
            {
                // Skip leaves the reader on the next sibling, which is then handled without another Read.
                reader.Skip();
                more = !reader.EOF;
                continue;
            }
            else if (cell is not null && reader.IsStartElement)
            {
                if (type == typeof(CellValue))
                    cell.Value = reader.GetText();
                else if (type == typeof(SheetText))
                    cell.Append(reader.GetText());
            }
            more = reader.Read();
        }
        cell?.AddTo(row!, strings, limits);
        if (row is not null)
            yield return row;
    }

    private const string Unreadable = "Không đọc được tệp XLSX. Vui lòng dùng tệp mẫu.";

    /// <summary>
    /// Refuses a package whose zip directory declares too many parts or too many unpacked bytes, before a part is
    /// unpacked. (A directory that understates a part's size does not help: the XML reader stops at the same bound.)
    /// </summary>
    private static void CheckPackage(Stream file, TableLimits limits)
    {
        var start = file.Position;
        using (var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > limits.MaxEntries)
                throw new TableFileException($"Tệp XLSX có {zip.Entries.Count} phần, nhiều hơn {limits.MaxEntries} phần của một bảng tính thông thường.");
            long unpacked = 0;
            foreach (var entry in zip.Entries)
                if ((unpacked += entry.Length) > limits.MaxUnpackedBytes)
                    throw new TableFileException($"Tệp XLSX khi giải nén lớn hơn {limits.MaxUnpackedBytes / (1024 * 1024)} MB; vui lòng chia thành nhiều tệp.");
        }
        file.Position = start;
    }

    /// <summary>The shared strings, text runs joined and phonetic guides left out; no more than the sheet could use.</summary>
    private static List<string> SharedStrings(SharedStringTablePart? part, TableLimits limits)
    {
        var strings = new List<string>();
        if (part is null)
            return strings;
        var max = (long)limits.MaxRows * limits.MaxColumns;
        using var reader = OpenXmlReader.Create(part);
        StringBuilder? text = null;
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (text is not null)
                    strings.Add(text.ToString());
                text = reader.IsStartElement ? new StringBuilder() : null;
                if (strings.Count > max)
                    throw new TableFileException("Tệp XLSX có nhiều chuỗi hơn số ô của một bảng được phép nhập.");
            }
            else if (reader.ElementType == typeof(PhoneticRun) && reader.IsStartElement)
            {
                reader.Skip();
                more = !reader.EOF;
                continue;
            }
            else if (reader.ElementType == typeof(SheetText) && reader.IsStartElement && text is not null)
                text.Append(reader.GetText());
            more = reader.Read();
        }
        if (text is not null)
            strings.Add(text.ToString());
        return strings;
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == name && attribute.NamespaceUri.Length == 0)
                return attribute.Value;
        return null;
    }

    /// <summary>The 0-based column of a reference such as "B12"; int.MaxValue when it is not a spreadsheet column (XFD at most).</summary>
    internal static int ColumnOf(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            if (++letters > 3)
                return int.MaxValue;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return letters == 0 ? int.MaxValue : index - 1;
    }

    /// <summary>A cell being read: its address, type and text until its end.</summary>
    private sealed class PendingCell(string? reference, int column, string? type)
    {
        private StringBuilder? _inline;

        public string? Value { get; set; }

        public void Append(string text) => (_inline ??= new StringBuilder()).Append(text);

        public void AddTo(SourceRow row, List<string> strings, TableLimits limits)
        {
            var text = _inline?.ToString() ?? Value ?? "";
            if (string.IsNullOrWhiteSpace(text))
                return;
            var where = $"ô {TableRow.Shorten(reference ?? "")}";
            if (column >= limits.MaxColumns)
            {
                row.Beyond(limits.MaxColumns, where);
                return;
            }
            row.Cells.Add(type switch
            {
                "s" => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                    ? new SourceCell(column, strings[index])
                    : new SourceCell(column, "", Problem: $"{where} trỏ tới một chuỗi không có trong tệp"),
                "e" => new SourceCell(column, "", Problem: $"{where} có lỗi công thức {TableRow.Shorten(text)}"),
                null or "n" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? new SourceCell(column, text, Numeric: true)
                    : new SourceCell(column, "", Problem: $"{where} có giá trị số không đọc được \"{TableRow.Shorten(text)}\""),
                _ => new SourceCell(column, text),
            });
        }
    }
}
