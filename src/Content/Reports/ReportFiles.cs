using System.Globalization;
using System.Text;
using CchcSite.Content.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcSite.Content.Reports;

/// <summary>The report as downloadable files. Both walk the same sections the page shows, so the numbers are the same.</summary>
public static class ReportFiles
{
    public static readonly string[] CsvHeader = ["Mục", "Chỉ tiêu", "Cột", "Số liệu"];

    /// <summary>One line per number ("long" form), which spreadsheets and scripts read without guessing the layout.</summary>
    public static byte[] Csv(PeriodicReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var field in CsvHeader)
                csv.WriteField(field);
            csv.NextRecord();
            foreach (var (section, row, column, value) in Cells(report))
            {
                csv.WriteField(section.Title);
                csv.WriteField(row.Label);
                csv.WriteField(column.Title);
                csv.WriteField(value);
                csv.NextRecord();
            }
        }
        // With a byte-order mark, Excel opens the Vietnamese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One sheet: the report's heading, then each section as a titled table with numeric cells.</summary>
    public static byte[] Xlsx(PeriodicReport report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Báo cáo" }));

            void Line(params OpenXmlElement[] cells) => data.AppendChild(new Row(cells));
            foreach (var heading in Heading(report))
                Line(Text(heading));
            foreach (var section in report.Sections)
            {
                Line();
                Line(Text(section.Title));
                Line([Text("Chỉ tiêu"), .. section.Columns.Select(c => Text(c.Title))]);
                foreach (var row in section.Rows)
                    Line([Text(row.Label), .. row.Values.Select(Number)]);
                if (section.Note is { } note)
                    Line(Text(note));
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The lines above the tables: which unit, which period, when it is due and when it was made.</summary>
    public static IReadOnlyList<string> Heading(PeriodicReport report) =>
    [
        $"Báo cáo kết quả tuyên truyền cải cách hành chính – {report.Period.Label}",
        $"Đơn vị: {report.Unit.Name}{(report.IncludesSubUnits ? $" (gồm {report.Units.Count - 1} đơn vị trực thuộc)" : "")}",
        $"Kỳ báo cáo: từ {VietnamTime.FormatDate(report.Period.From)} đến {VietnamTime.FormatDate(report.Period.To)}",
        report.Period.DueOn is { } due ? $"Hạn gửi báo cáo: {VietnamTime.FormatDate(due)}" : "Kỳ tùy chọn: không có hạn gửi theo quy định",
        $"Số liệu tính đến {VietnamTime.FormatDateTime(report.GeneratedAt)}, chỉ gồm nội dung đã đăng công khai",
    ];

    /// <summary>Every number of the report with the section, row and column it belongs to.</summary>
    public static IEnumerable<(ReportSection Section, ReportRow Row, ReportColumn Column, int Value)> Cells(PeriodicReport report) =>
        from section in report.Sections
        from row in section.Rows
        from pair in section.Columns.Zip(row.Values)
        select (section, row, pair.First, pair.Second);

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value)) };

    private static Cell Number(int value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value) };
}
