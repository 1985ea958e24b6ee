using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcSite.Content.Imports;

/// <summary>The template of an import: its header row alone, as CSV (UTF-8 with BOM, for spreadsheets) or as XLSX, which <see cref="TableFile"/> reads back.</summary>
public static class TableTemplate
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IEnumerable<string> columns, Func<string, string> quote) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(",", columns.Select(quote)) + "\r\n")];

    public static byte[] Xlsx(string sheetName, IEnumerable<string> columns)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(new Row(columns.Select(c =>
                new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(c)) }))));
            // Excel limits a sheet's name to 31 characters.
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
