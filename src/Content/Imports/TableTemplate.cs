using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcSite.Content.Imports;

/// <summary>
/// The files an import offers for download and reads back with <see cref="TableFile"/>: a header row of the layout's titles, then
/// any rows given (an example, or an export to edit and import again). CSV as UTF-8 with a byte-order mark, so Excel shows the
/// Vietnamese letters; XLSX with inline strings in one sheet.
/// </summary>
public static class TableTemplate
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IReadOnlyList<string> titles, IEnumerable<IReadOnlyList<string?>>? rows = null) =>
        Indexes.Csv.Of(rows is null ? [titles] : rows.Prepend(titles));

    public static byte[] Xlsx(IReadOnlyList<string> titles, string sheetName, IEnumerable<IReadOnlyList<string?>>? rows = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(Row(titles));
            foreach (var row in rows ?? [])
                data.AppendChild(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            // Excel limits a sheet's name to 31 characters.
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IEnumerable<string?> cells) => new(cells.Select(c =>
        new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(c ?? "") { Space = SpaceProcessingModeValues.Preserve }) }));
}
