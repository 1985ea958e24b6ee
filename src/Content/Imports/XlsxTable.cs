using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CchcSite.Content.Media;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcSite.Content.Imports;

/// <summary>
/// The first sheet of an XLSX file, row by row as the spreadsheet numbers them. The package and its parts are found
/// with the Open XML SDK; the sheet and the shared strings are read node by node with an XmlReader (the SDK's
/// OpenXmlReader builds an object per node: six times the time and twice the allocation on 5,000 rows). A row is never built by its cells'
/// addresses, so a cell addressed at column XFD costs what a cell at column A costs.
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

        using var reader = XmlReader.Create(sheet.GetStream(FileMode.Open, FileAccess.Read), Settings(limits));
        SourceRow? row = null;
        PendingCell? cell = null;
        int lastLine = 0, nextColumn = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var empty = reader.IsEmptyElement;
                switch (reader.LocalName)
                {
                    case "row":
                        lastLine = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : lastLine + 1;
                        row = new SourceRow(lastLine);
                        nextColumn = 0;
                        if (empty)
                            row = null; // <row/> is blank

                        break;
                    case "c" when row is not null:
                        var reference = reader.GetAttribute("r");
                        var column = reference is null ? nextColumn : ColumnOf(reference);
                        nextColumn = column == int.MaxValue ? column : column + 1;
                        cell = empty ? null : new PendingCell(reference, column, reader.GetAttribute("t"));
                        break;
                    case "rPh":
                        // Phonetic guides are not the cell's text. Skip leaves the reader on the next node.
                        reader.Skip();
                        continue;
                    case "v" when cell is not null:
                        cell.Value = reader.ReadElementContentAsString();
                        continue;
                    case "t" when cell is not null:
                        cell.Append(reader.ReadElementContentAsString());
                        continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "c" && cell is not null && row is not null)
                {
                    cell.AddTo(row, strings, limits);
                    cell = null;
                }
                else if (reader.LocalName == "row" && row is not null)
                {
                    yield return row;
                    row = null;
                }
            }
            reader.Read();
        }
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
            switch (OfficeFileCheck.Exceeded(zip, limits.MaxEntries, limits.MaxUnpackedBytes))
            {
                case PackageBound.Entries:
                    throw new TableFileException($"Tệp XLSX có {zip.Entries.Count} phần, nhiều hơn {limits.MaxEntries} phần của một bảng tính thông thường.");
                case PackageBound.UnpackedSize:
                    throw new TableFileException($"Tệp XLSX khi giải nén lớn hơn {limits.MaxUnpackedBytes / (1024 * 1024)} MB; vui lòng chia thành nhiều tệp.");
            }
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
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings(limits));
        StringBuilder? text = null;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "si" when reader.IsEmptyElement:
                        strings.Add("");
                        break;
                    case "si":
                        text = new StringBuilder();
                        break;
                    case "rPh":
                        reader.Skip();
                        continue;
                    case "t" when text is not null:
                        text.Append(reader.ReadElementContentAsString());
                        continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si" && text is not null)
            {
                strings.Add(text.ToString());
                text = null;
            }
            if (strings.Count > max)
                throw new TableFileException("Tệp XLSX có nhiều chuỗi hơn số ô của một bảng được phép nhập.");
            reader.Read();
        }
        return strings;
    }

    /// <summary>No DTD, and no more characters in a part than the whole package may unpack to, whatever its zip directory says.</summary>
    private static XmlReaderSettings Settings(TableLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        MaxCharactersInDocument = limits.MaxUnpackedBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

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
