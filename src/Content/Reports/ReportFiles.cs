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
    public static byte[] Csv(PeriodicReport report) =>
        Csv([CsvHeader, .. Cells(report).Select(c => new object[] { c.Section.Title, c.Row.Label, c.Column.Title, c.Value })]);

    /// <summary>The overseer's summary: a header line, one line per unit (figures blank where none was sent), the totals.</summary>
    public static byte[] Csv(ReportSummary summary) =>
        Csv([SummaryHeader(summary), .. SummaryLines(summary).Select(line => line.Select(cell => cell.Number ?? (object)cell.Text).ToArray())]);

    private static byte[] Csv(IEnumerable<object[]> records)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var record in records)
            {
                foreach (var field in record)
                    csv.WriteField(field);
                csv.NextRecord();
            }
        }
        // With a byte-order mark, Excel opens the Vietnamese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One sheet: the report's heading, then each section as a titled table with numeric cells.</summary>
    public static byte[] Xlsx(PeriodicReport report) => Sheet("Báo cáo", Line =>
    {
        foreach (var heading in Heading(report))
            Line([Text(heading)]);
        foreach (var section in report.Sections)
        {
            Line([]);
            Line([Text(section.Title)]);
            Line([Text("Chỉ tiêu"), .. section.Columns.Select(c => Text(c.Title))]);
            foreach (var row in section.Rows)
                Line([Text(row.Label), .. row.Values.Select(Number)]);
            if (section.Note is { } note)
                Line([Text(note)]);
        }
    });

    /// <summary>The overseer's summary on one sheet: its heading, the header line, one line per unit, the totals.</summary>
    public static byte[] Xlsx(ReportSummary summary) => Sheet("Tổng hợp", Line =>
    {
        foreach (var heading in Heading(summary))
            Line([Text(heading)]);
        Line([]);
        Line([.. SummaryHeader(summary).Select(Text)]);
        foreach (var line in SummaryLines(summary))
            Line([.. line.Select(cell => cell.Number is { } number ? Number(number) : Text(cell.Text))]);
    });

    private static byte[] Sheet(string name, Action<Action<OpenXmlElement[]>> fill)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name }));
            fill(cells => data.AppendChild(new Row(cells)));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The summary's lines above its table.</summary>
    public static IReadOnlyList<string> Heading(ReportSummary summary) =>
    [
        $"Tổng hợp báo cáo kết quả tuyên truyền cải cách hành chính – {summary.Period.Label}",
        $"Hạn gửi báo cáo: {VietnamTime.FormatDate(summary.Period.DueOn!.Value)}",
        $"{summary.Sent}/{summary.Lines.Count} đơn vị đã gửi ({summary.OnTime} đúng hạn, {summary.Late} quá hạn), {summary.NotSent} chưa gửi",
    ];

    private static string[] SummaryHeader(ReportSummary summary) =>
        ["Đơn vị", "Tình trạng", "Ngày gửi", "Đúng hạn", "Lần gửi", .. summary.Columns.Select(c => $"{c.SectionTitle}: {c.Title}")];

    /// <summary>The unit lines and the totals line as cells, each a text or a number, for both files.</summary>
    private static IEnumerable<(string Text, int? Number)[]> SummaryLines(ReportSummary summary)
    {
        foreach (var line in summary.Lines)
            yield return line.Latest is { } report
                ? [(line.Unit.Name, null), (report.Status.Vietnamese(), null), (VietnamTime.FormatDate(report.SubmittedAt), null),
                   (report.Timeliness(), null), ("", report.Version), .. line.Figures.Select(f => ("", f))]
                : [(line.Unit.Name, null), ("Chưa gửi", null), ("", null), ("", null), ("", null), .. line.Figures.Select(f => ("", f))];
        yield return [("Tổng cộng", null), ($"{summary.Sent}/{summary.Lines.Count} đã gửi", null), ("", null), ($"{summary.Late} quá hạn", null), ("", null),
            .. summary.Totals.Select(t => ("", (int?)t))];
    }

    /// <summary>The lines above the tables: which unit, which period, when it is due and when it was made.</summary>
    public static IReadOnlyList<string> Heading(PeriodicReport report) =>
    [
        $"Báo cáo kết quả tuyên truyền cải cách hành chính – {report.Period.Label}",
        $"Đơn vị: {report.Unit.Name}{(report.IncludesSubUnits && report.Units.Count > 1 ? $" (gồm {report.Units.Count - 1} đơn vị trực thuộc)" : "")}",
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
