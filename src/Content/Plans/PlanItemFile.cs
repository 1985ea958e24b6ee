using System.Globalization;
using System.Text;
using CchcSite.Content.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcSite.Content.Plans;

/// <summary>A row of an imported file with its line number, for messages a person can act on.</summary>
public sealed record ImportedRow(int Line, PlanItemInput Input);

public sealed record ImportError(int Line, string Message);

/// <summary>
/// Plan items in a CSV or XLSX file with the template's columns. Reading never stores anything: the caller
/// stores the rows only when there is no error at all.
/// </summary>
public static class PlanItemFile
{
    /// <summary>The template's columns, in order; files are matched by these titles, ignoring case and tones.</summary>
    public static readonly string[] Columns =
        ["STT", "Nhóm", "Nội dung", "Hình thức", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"];

    private static readonly string[] Required = ["Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện"];

    public static (IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportError> Errors) Read(Stream file, string fileName)
    {
        IReadOnlyList<(int Line, string[] Cells)> lines;
        try
        {
            lines = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxLines(file) : CsvLines(file);
        }
        catch (Exception e) when (e is CsvHelperException or OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return ([], [new ImportError(0, "Không đọc được tệp. Vui lòng dùng tệp mẫu (CSV UTF-8 hoặc XLSX).")]);
        }
        if (lines.Count == 0)
            return ([], [new ImportError(0, "Tệp không có dữ liệu.")]);
        var (headerLine, header) = lines[0];
        var index = Columns.ToDictionary(c => c, c => Array.FindIndex(header, h => Slug.From(h) == Slug.From(c)));
        var missing = Required.Where(c => index[c] < 0).ToList();
        if (missing.Count > 0)
            return ([], [new ImportError(headerLine, $"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}. Vui lòng dùng tệp mẫu.")]);

        var rows = new List<ImportedRow>();
        var errors = new List<ImportError>();
        foreach (var (line, cells) in lines.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
                continue;
            string? Cell(string column) => index[column] is >= 0 and var i && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            int? order = null;
            if (Cell("STT") is { } number)
            {
                if (!int.TryParse(number.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    errors.Add(new ImportError(line, $"STT \"{number}\" không phải là số."));
                    continue;
                }
                order = parsed;
            }
            var input = new PlanItemInput(order, Cell("Nhóm"), Cell("Nội dung") ?? "", Cell("Hình thức"), Cell("Đơn vị chủ trì") ?? "",
                Cell("Đơn vị phối hợp"), Cell("Thời gian thực hiện") ?? "", Cell("Sản phẩm"));
            var problems = input.Validate();
            if (problems.Count > 0)
                errors.Add(new ImportError(line, string.Join(" ", problems.Values)));
            else
                rows.Add(new ImportedRow(line, input));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(headerLine, "Tệp chỉ có dòng tiêu đề, chưa có nhiệm vụ nào."));
        return (rows, errors);
    }

    public static byte[] CsvTemplate() =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(",", Columns) + "\r\n")];

    public static byte[] XlsxTemplate()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(new Row(Columns.Select(c =>
                new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(c)) }))));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Nhiệm vụ" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Lines as a text editor numbers them, each record at the line where it starts.</summary>
    private static List<(int, string[])> CsvLines(Stream file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"] });
        var lines = new List<(int, string[])>();
        while (csv.Read())
        {
            // RawRow is the record's last line; a quoted cell with line breaks started the record earlier.
            var breaks = csv.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            lines.Add((csv.RawRow - breaks, csv.Record ?? []));
        }
        return lines;
    }

    /// <summary>The first sheet's rows, numbered as the spreadsheet shows them.</summary>
    private static List<(int, string[])> XlsxLines(Stream file)
    {
        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var lines = new List<(int, string[])>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var cells = new SortedDictionary<int, string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = column + 1;
                cells[column] = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                    : cell.CellValue?.Text ?? "";
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            lines.Add(((int)(row.RowIndex?.Value ?? (uint)lines.Count + 1), Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, "")).ToArray()));
        }
        return lines;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
